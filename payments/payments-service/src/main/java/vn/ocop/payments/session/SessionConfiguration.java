package vn.ocop.payments.session;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * Settings of payment sessions ({@code ocop.payments.sessions.*}).
 *
 * @param maxLifetime a session expires at the checkout's {@code payBefore}, but never later than this after it opens
 */
@ConfigurationProperties("ocop.payments.sessions")
record SessionConfiguration(@Bindable(defaultValue = "15m") Duration maxLifetime) {
}
