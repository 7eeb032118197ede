package vn.ocop.payments.refund;

import io.micronaut.core.annotation.Nullable;

/**
 * What came of one call to the provider.
 *
 * @param kind          what it means for the refund
 * @param responseCode  the provider's code, if it answered
 * @param message       the provider's message, if it answered
 * @param transactionNo the provider's reference of the refund, when refunded
 * @param detail        a readable account for the refund's row and the logs
 */
public record RefundAnswer(Kind kind, @Nullable String responseCode, @Nullable String message, @Nullable String transactionNo,
                           String detail) {

    /** The kinds of outcome. */
    public enum Kind {
        /** The provider accepted the refund. */
        REFUNDED,
        /** The provider refused this call but another may succeed: the next attempt uses a new request id. */
        RETRYABLE,
        /**
         * No answer we can trust (network failure, timeout, a reply without a valid signature): the provider may or may
         * not have refunded, so the next attempt sends the same request id again.
         */
        UNKNOWN,
        /**
         * The provider says an earlier call for this payment is already being processed (VNPay's 94 to a request id sent
         * again): that call may have refunded, so no further attempt; someone must check with the provider.
         */
        IN_DOUBT,
        /** The provider refused for good: no further attempt. */
        REFUSED
    }

    public static RefundAnswer unknown(String detail) {
        return new RefundAnswer(Kind.UNKNOWN, null, null, null, detail);
    }
}
