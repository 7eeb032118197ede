package vn.ocop.catalog;

import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/** The catalog's problem details in Vietnamese and English. */
@Factory
class CatalogMessages {

    @Singleton
    @Named("catalog")
    MessageSource catalogMessages() {
        return new ResourceBundleMessageSource("i18n.catalog");
    }
}
