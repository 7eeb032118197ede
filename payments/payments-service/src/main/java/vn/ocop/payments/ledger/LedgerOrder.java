package vn.ocop.payments.ledger;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.UUID;
import vn.ocop.payments.api.PaymentMethod;

/**
 * A seller order as the ledger knows it.
 *
 * @param paidVnd       captured by the platform for it (0 for cash on delivery)
 * @param refundedVnd   given back to the buyer of what was captured
 * @param commissionVnd the commission taken when it completed
 */
record LedgerOrder(UUID orderId, String orderNumber, UUID checkoutId, UUID sellerId, PaymentMethod method, State state,
                   long totalVnd, long paidVnd, long refundedVnd, long commissionVnd, @Nullable Instant completedAt) {

    enum State { CONFIRMED, PAID, COMPLETED }

    /** What the seller still has of the captured money: paid minus refunded. */
    long heldVnd() {
        return paidVnd - refundedVnd;
    }

    LedgerOrder refunded(long amountVnd) {
        return new LedgerOrder(orderId, orderNumber, checkoutId, sellerId, method, state, totalVnd, paidVnd,
                refundedVnd + amountVnd, commissionVnd, completedAt);
    }

    LedgerOrder completed(long commission, Instant at) {
        return new LedgerOrder(orderId, orderNumber, checkoutId, sellerId, method, State.COMPLETED, totalVnd, paidVnd,
                refundedVnd, commission, at);
    }

    /** One line's goods: quantity times unit price. */
    record Line(UUID productId, long amountVnd) {
    }
}
