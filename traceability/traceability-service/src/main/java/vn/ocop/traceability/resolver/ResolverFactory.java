package vn.ocop.traceability.resolver;

import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/**
 * The resolver's message bundle ({@code i18n/resolver_vi|en.properties}): every text of its pages, and the problem
 * details of the resolver, the scan signals and recalls.
 */
@Factory
class ResolverFactory {

    @Singleton
    @Named("resolver")
    MessageSource resolverMessages() {
        return new ResourceBundleMessageSource("i18n.resolver");
    }
}
