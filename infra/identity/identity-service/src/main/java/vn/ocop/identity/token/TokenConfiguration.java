package vn.ocop.identity.token;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * Token lifetimes ({@code ocop.identity.access-token-ttl}, {@code ocop.identity.refresh-token-ttl}).
 *
 * @param accessTokenTtl  how long an access token is valid
 * @param refreshTokenTtl how long a refresh token is valid; each rotation starts a new one
 */
@ConfigurationProperties("ocop.identity")
public record TokenConfiguration(
        @Bindable(defaultValue = "15m") Duration accessTokenTtl,
        @Bindable(defaultValue = "30d") Duration refreshTokenTtl) {
}
