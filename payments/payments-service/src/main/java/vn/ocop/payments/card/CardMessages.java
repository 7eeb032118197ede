package vn.ocop.payments.card;

import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/** The card page's texts and the card problems' details ({@code i18n/card_vi.properties}, {@code i18n/card_en.properties}). */
@Factory
class CardMessages {

    @Singleton
    @Named("card")
    MessageSource cardMessages() {
        return new ResourceBundleMessageSource("i18n.card");
    }
}
