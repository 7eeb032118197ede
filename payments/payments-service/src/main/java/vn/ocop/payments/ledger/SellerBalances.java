package vn.ocop.payments.ledger;

import io.micronaut.serde.annotation.Serdeable;
import java.util.Map;

/**
 * What the ledger says about one seller, in whole dong, each never negative.
 *
 * @param pendingVnd   owed to the seller for paid orders not yet completed
 * @param availableVnd owed to the seller for completed orders, commission deducted, not yet paid out
 * @param owedVnd      owed by the seller to the platform (commission on cash it collected, refunds after a payout),
 *                     netted against its next payout
 * @param payableVnd   what the next payout would send: available minus owed, or 0
 */
@Serdeable
public record SellerBalances(long pendingVnd, long availableVnd, long owedVnd, long payableVnd) {

    static SellerBalances of(Map<AccountKind, Long> debitMinusCredit) {
        long pending = -debitMinusCredit.getOrDefault(AccountKind.SELLER_PENDING, 0L);
        long available = -debitMinusCredit.getOrDefault(AccountKind.SELLER_AVAILABLE, 0L);
        long owed = debitMinusCredit.getOrDefault(AccountKind.SELLER_RECEIVABLE, 0L);
        return new SellerBalances(pending, available, owed, Math.max(0, available - owed));
    }
}
