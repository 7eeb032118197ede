package vn.ocop.payments.vietqr;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;

/**
 * A credit to the collection account, as one source reported it, once per bank transaction ({@code source} and
 * {@code transactionId} are unique together): what it did to the session its description names, or
 * {@link #UNMATCHED} when it names none, kept for an administrator to return or assign.
 *
 * @param sessionId the session it was applied to; null when unmatched
 * @param outcome   {@code PARTIAL}, {@code PAID}, {@code OVERPAID}, {@code EXCESS}, {@code LATE}, {@code HELD} (see
 *                  {@code Receipt.Outcome}) or {@link #UNMATCHED}
 * @param excessVnd received beyond what the session asked for, refunded by {@code refundId}
 */
@MappedEntity("bank_transfers")
record BankTransfer(
        @Id UUID id,
        String source,
        String transactionId,
        long amountVnd,
        String description,
        String accountNumber,
        @Nullable String counterAccountNumber,
        @Nullable String counterAccountName,
        @Nullable String counterBank,
        Instant transferredAt,
        @Nullable UUID sessionId,
        @Nullable String txnRef,
        String outcome,
        long excessVnd,
        @Nullable UUID refundId,
        Instant receivedAt) {

    static final String UNMATCHED = "UNMATCHED";

    /** Whether {@code notice} reports this same transfer (a replay), rather than other content under the same id. */
    boolean sameAs(TransferNotice.Transfer notice) {
        return amountVnd == notice.amountVnd() && description.equals(notice.description())
                && accountNumber.equals(notice.accountNumber());
    }
}
