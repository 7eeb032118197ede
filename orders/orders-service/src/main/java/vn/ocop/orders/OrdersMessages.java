package vn.ocop.orders;

import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/** The orders service's problem details in Vietnamese and English. */
@Factory
class OrdersMessages {

    @Singleton
    @Named("orders")
    MessageSource ordersMessages() {
        return new ResourceBundleMessageSource("i18n.orders");
    }
}
