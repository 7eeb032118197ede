package vn.ocop.orders.api;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.UUID;
import vn.ocop.payments.api.PaymentMethod;

/**
 * A delivered order is complete (the buyer's time to complain has passed): payments books the seller's receivable.
 *
 * @param orderId       the order
 * @param orderNumber   its public number
 * @param checkoutId    its checkout
 * @param sellerId      the seller
 * @param paymentMethod how it was paid
 * @param subtotalVnd   the goods
 * @param shippingVnd   the shipping fee
 * @param totalVnd      both
 * @param completedAt   when
 */
@Serdeable
public record OrderCompleted(UUID orderId, String orderNumber, UUID checkoutId, UUID sellerId, PaymentMethod paymentMethod,
                             long subtotalVnd, long shippingVnd, long totalVnd, Instant completedAt) {

    public static final String TYPE = "OrderCompleted";
    public static final int VERSION = 1;
}
