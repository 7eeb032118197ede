package vn.ocop.payments.vnpay;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/**
 * VNPay reconciliation ({@code ocop.vnpay.reconcile.*}): which sessions the querydr worker asks about, and how often.
 *
 * @param enabled    run the worker in this instance
 * @param every      how often it looks for sessions due
 * @param after      how long after a session opened it is first asked about (an IPN normally arrives within
 *                   seconds of payment), and the first wait between two queries, doubling up to {@code maxBackoff}
 * @param maxBackoff the longest wait between two queries about one session
 * @param horizon    sessions opened longer ago than this are no longer asked about
 * @param lease      how long a query in flight keeps other instances off its session; longer than the client's timeout
 * @param batch      sessions taken per look
 */
@ConfigurationProperties("ocop.vnpay.reconcile")
record ReconcileConfiguration(
        @Bindable(defaultValue = "true") boolean enabled,
        @Bindable(defaultValue = "30s") Duration every,
        @Bindable(defaultValue = "5m") Duration after,
        @Bindable(defaultValue = "1h") Duration maxBackoff,
        @Bindable(defaultValue = "24h") Duration horizon,
        @Bindable(defaultValue = "2m") Duration lease,
        @Bindable(defaultValue = "20") @Min(1) @Max(500) int batch) {

    /** The wait after the {@code attempts}-th query: {@code after}, doubled each time, at most {@code maxBackoff}. */
    Duration backoff(int attempts) {
        Duration wait = after.isZero() ? Duration.ofSeconds(1) : after;
        for (int i = 1; i < attempts && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
