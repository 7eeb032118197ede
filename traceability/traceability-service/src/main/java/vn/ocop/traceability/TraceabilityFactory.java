package vn.ocop.traceability;

import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/** The service's message bundle ({@code i18n/traceability_vi|en.properties}), for problem details. */
@Factory
class TraceabilityFactory {

    @Singleton
    @Named("traceability")
    MessageSource traceabilityMessages() {
        return new ResourceBundleMessageSource("i18n.traceability");
    }
}
