package vn.ocop.payments;

import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/** The payments service's message bundle ({@code i18n/payments_vi.properties}, {@code i18n/payments_en.properties}). */
@Factory
class PaymentsMessages {

    @Singleton
    @Named("payments")
    MessageSource paymentsMessages() {
        return new ResourceBundleMessageSource("i18n.payments");
    }
}
