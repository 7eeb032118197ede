package vn.ocop.identity.password;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Argon2id cost ({@code ocop.identity.password.*}); the defaults are OWASP's minimum recommendation.
 * Changing them takes effect for new hashes at once and for existing ones at each account's next login.
 *
 * @param memoryKib     memory per hash, in KiB
 * @param iterations    passes over the memory
 * @param parallelism   lanes
 * @param maxConcurrent hashes computed at the same time in this instance (each holds {@code memoryKib} of heap);
 *                      further logins wait for a slot
 */
@ConfigurationProperties("ocop.identity.password")
public record PasswordConfiguration(
        @Bindable(defaultValue = "19456") int memoryKib,
        @Bindable(defaultValue = "2") int iterations,
        @Bindable(defaultValue = "1") int parallelism,
        @Bindable(defaultValue = "4") int maxConcurrent) {
}
