package vn.ocop.identity.login;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * Limits on failed logins ({@code ocop.identity.login-throttle.*}), counted in Redis so that all instances share
 * them. Each counter starts with its first failure and lasts one window.
 *
 * @param accountLimit  failures per account (or per login string naming no account) in {@code accountWindow}
 * @param addressLimit  failures per client address in {@code addressWindow}
 */
@ConfigurationProperties("ocop.identity.login-throttle")
record ThrottleConfiguration(
        @Bindable(defaultValue = "5") int accountLimit,
        @Bindable(defaultValue = "15m") Duration accountWindow,
        @Bindable(defaultValue = "20") int addressLimit,
        @Bindable(defaultValue = "15m") Duration addressWindow) {
}
