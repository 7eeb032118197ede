package vn.ocop.platform;

import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;

/** Beans every service shares: the clock (replaceable in tests) and the platform's message bundle. */
@Factory
public class PlatformFactory {

    /** UTC, in whole microseconds: what a DATETIME(6) column holds, so a stored time reads back unchanged. */
    @Singleton
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }

    @Singleton
    @Named("platform")
    MessageSource platformMessages() {
        return new ResourceBundleMessageSource("i18n.platform");
    }
}
