package vn.ocop.payments.api;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.UUID;

/**
 * A seller's money went out in a payout batch: what the seller had available at the batch's cut-off, less what it owed
 * the platform (commission on cash it collected). The account is masked: the seller knows its own, and no other service
 * needs the number.
 *
 * @param payoutId      the payout
 * @param batchId       the batch it belongs to
 * @param sellerId      the seller (its account id)
 * @param amountVnd     sent, whole dong
 * @param nettedVnd     what the seller owed and was deducted, whole dong
 * @param method        {@code BANK_ACCOUNT} or {@code MOBILE_WALLET}
 * @param institution   the bank's NAPAS BIN, or the wallet
 * @param accountMasked the account's last four characters after {@code ***}
 * @param reference     the transfer's reference, in its description (e.g. {@code PO-7Q4M2X9P})
 * @param paidAt        when the batch was made
 */
@Serdeable
public record PayoutPaid(UUID payoutId, UUID batchId, UUID sellerId, long amountVnd, long nettedVnd, String method,
                         String institution, String accountMasked, String reference, Instant paidAt) {

    public static final String TYPE = "PayoutPaid";
    public static final int VERSION = 1;
}
