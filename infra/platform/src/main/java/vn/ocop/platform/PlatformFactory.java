package vn.ocop.platform;

import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Beans every service shares: the clock (replaceable in tests) and the platform's message bundle. */
@Factory
public class PlatformFactory {

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Singleton
    @Named("platform")
    MessageSource platformMessages() {
        return new ResourceBundleMessageSource("i18n.platform");
    }
}
