package vn.ocop.traceability.epcis;

import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/** The EPCIS feature's message bundle ({@code i18n/epcis_vi|en.properties}), for problem details. */
@Factory
class EpcisFactory {

    @Singleton
    @Named("epcis")
    MessageSource epcisMessages() {
        return new ResourceBundleMessageSource("i18n.epcis");
    }
}
