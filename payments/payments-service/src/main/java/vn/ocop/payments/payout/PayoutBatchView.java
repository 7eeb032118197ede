package vn.ocop.payments.payout;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A payout batch as administrators see it; times also in Viet Nam's time.
 *
 * @param created whether the request that answered this made the batch (false: it existed, nothing was paid again)
 * @param skipped sellers with money to be paid but no payout account
 */
@Serdeable
record PayoutBatchView(UUID id, Instant cutoff, OffsetDateTime cutoffLocal, int payoutCount, long totalVnd,
                       @Nullable UUID requestedBy, Instant createdAt, boolean created, List<Line> payouts,
                       List<Skip> skipped) {

    /** One payout; the account masked (the CSV export carries it whole). */
    @Serdeable
    record Line(UUID payoutId, UUID sellerId, String reference, long amountVnd, long nettedVnd, String method,
                String institution, String accountMasked) {
    }

    /** A seller the batch could not pay, and what it would have been paid. */
    @Serdeable
    record Skip(UUID sellerId, long amountVnd, String reason) {
    }
}
