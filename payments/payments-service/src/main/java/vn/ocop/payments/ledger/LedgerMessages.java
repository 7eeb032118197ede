package vn.ocop.payments.ledger;

import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/**
 * The ledger's and payouts' problem texts ({@code i18n/ledger_vi.properties}, {@code i18n/ledger_en.properties}), a
 * bundle of their own beside the service's.
 */
@Factory
class LedgerMessages {

    @Singleton
    @Named("ledger")
    MessageSource ledgerMessages() {
        return new ResourceBundleMessageSource("i18n.ledger");
    }
}
