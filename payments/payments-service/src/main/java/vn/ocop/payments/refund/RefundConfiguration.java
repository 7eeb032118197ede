package vn.ocop.payments.refund;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/**
 * Settings of refunds ({@code ocop.payments.refunds.*}); the worker's own switch and period are
 * {@code ocop.payments.refunds.worker.enabled} and {@code .every}.
 *
 * @param firstBackoff wait after the first failed call; it doubles after each further one
 * @param maxBackoff   the longest wait between two calls
 * @param maxAttempts  calls to the provider before a refund that keeps failing ends FAILED
 * @param lease        how long a call may take before another worker takes the refund again (as after a crash); it
 *                     must exceed the provider client's read timeout
 */
@ConfigurationProperties("ocop.payments.refunds")
record RefundConfiguration(
        @Bindable(defaultValue = "5s") Duration firstBackoff,
        @Bindable(defaultValue = "5m") Duration maxBackoff,
        @Bindable(defaultValue = "12") @Min(1) @Max(RefundRequestIds.MAX_ATTEMPT) int maxAttempts,
        @Bindable(defaultValue = "2m") Duration lease) {

    /**
     * The wait after {@code attempts} failed calls: {@code firstBackoff × 2^(attempts-1)}, at most {@code maxBackoff},
     * stretched by up to a quarter by {@code jitter} (0 to 1) so that refunds failing together do not retry together.
     */
    Duration backoff(int attempts, double jitter) {
        int doublings = Math.min(Math.max(attempts - 1, 0), 30);
        Duration base = firstBackoff.multipliedBy(1L << doublings);
        if (base.compareTo(maxBackoff) > 0 || base.isNegative()) {
            base = maxBackoff;
        }
        return base.plusMillis((long) (base.toMillis() * 0.25 * Math.min(Math.max(jitter, 0), 1)));
    }
}
