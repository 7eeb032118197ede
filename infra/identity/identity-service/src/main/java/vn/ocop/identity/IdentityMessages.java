package vn.ocop.identity;

import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/** The identity service's messages (problem details, field errors), in Vietnamese and English. */
@Factory
class IdentityMessages {

    @Singleton
    @Named("identity")
    MessageSource identityMessages() {
        return new ResourceBundleMessageSource("i18n.identity");
    }
}
