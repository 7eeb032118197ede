package vn.ocop.payments.admin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import vn.ocop.payments.api.PaymentMethod;

/**
 * What an administrator reconciles (issue 5, point 9): sessions by state and method, what was collected by method
 * (cashless or not), refunds by state and the pending ones, and the mismatches to look at, each list capped with its
 * full count. Amounts in whole dong; times in UTC and,
 * where a person reads them, also in Viet Nam's time.
 */
@Serdeable
record Reconciliation(@Nullable Instant from, @Nullable OffsetDateTime fromLocal, @Nullable Instant to,
                      @Nullable OffsetDateTime toLocal, @Nullable PaymentMethod method, Instant generatedAt, String timeZone,
                      List<SessionTotal> sessions, List<CollectedTotal> collected, List<RefundTotal> refunds,
                      PendingRefunds pendingRefunds, Capped<AmountMismatch> amountMismatches,
                      Capped<RepeatedNotifications> repeatedNotifications, Capped<LatePayment> latePayments,
                      Capped<QueryMismatch> queryAmountMismatches,
                      Capped<UnmatchedTransfer> unmatchedTransfers) {

    /** Sessions opened in the window in one state by one method: how many, what they asked, what providers took. */
    @Serdeable
    record SessionTotal(String state, String method, long count, long amountVnd, long receivedVnd) {
    }

    /**
     * What was collected in the window by one method, and whether that method is cashless: for VNPay, bank transfers and
     * cards, the sessions that succeeded, by the time they were paid, with what the providers took (an excess transfer
     * included; refunds are counted apart); for cash on delivery, the cash sellers collected at the door, by the time of
     * delivery. Methods with nothing collected are left out.
     */
    @Serdeable
    record CollectedTotal(String method, boolean cashless, long count, long amountVnd) {
    }

    /** Refunds requested in the window in one state. */
    @Serdeable
    record RefundTotal(String state, long count, long amountVnd) {
    }

    /** Refunds still owed (REQUESTED): how many, how much, and how long the oldest has waited. */
    @Serdeable
    record PendingRefunds(long count, long amountVnd, @Nullable Instant oldestRequestedAt,
                          @Nullable OffsetDateTime oldestRequestedAtLocal, @Nullable Long oldestAgeSeconds) {
    }

    /** The first {@code rows} of a list and how many there are in all. */
    @Serdeable
    record Capped<T>(long total, List<T> rows) {
        static <T> Capped<T> none() {
            return new Capped<>(0, List.of());
        }
    }

    /** A VNPay IPN answered 04: its amount was not the session's. */
    @Serdeable
    record AmountMismatch(UUID notificationId, @Nullable String txnRef, @Nullable UUID sessionId,
                          @Nullable String checkoutNumber, @Nullable Long sessionAmountVnd, @Nullable Long notifiedAmountVnd,
                          Instant receivedAt, OffsetDateTime receivedAtLocal) {
    }

    /** VNPay IPNs answered 02 (the session already had its verdict): how often, per session. */
    @Serdeable
    record RepeatedNotifications(@Nullable String txnRef, @Nullable UUID sessionId, @Nullable String checkoutNumber,
                                 @Nullable String sessionState, long count, Instant firstAt, Instant lastAt) {
    }

    /** A payment captured after its session was closed unpaid, and the refund of it orders asked for, if any yet. */
    @Serdeable
    record LatePayment(UUID sessionId, UUID checkoutId, String checkoutNumber, String method, long amountVnd, long receivedVnd,
                       Instant expiresAt, Instant paidAt, OffsetDateTime paidAtLocal, @Nullable UUID refundId,
                       @Nullable String refundState) {
    }

    /** A querydr that found the payment made for another amount than the session's (left for an administrator). */
    @Serdeable
    record QueryMismatch(UUID sessionId, String txnRef, String checkoutNumber, long amountVnd, String sessionState,
                         @Nullable String lastCode, @Nullable Instant lastQueriedAt) {
    }

    /** A bank transfer that named no session of ours. */
    @Serdeable
    record UnmatchedTransfer(UUID id, String source, String transactionId, long amountVnd, String description,
                             Instant transferredAt, Instant receivedAt, OffsetDateTime receivedAtLocal) {
    }
}
