package vn.ocop.orders.api;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import vn.ocop.payments.api.PaymentMethod;

/**
 * A seller's order was paid (its checkout's payment was captured).
 *
 * @param orderId       the order
 * @param orderNumber   its public number
 * @param checkoutId    its checkout
 * @param sellerId      the seller
 * @param paymentMethod how it was paid
 * @param totalVnd      the order's total, shipping included
 * @param paidAt        when
 * @param lines         what was bought
 */
@Serdeable
public record OrderPaid(UUID orderId, String orderNumber, UUID checkoutId, UUID sellerId, PaymentMethod paymentMethod,
                        long totalVnd, Instant paidAt, List<CheckoutPlaced.Line> lines) {

    public static final String TYPE = "OrderPaid";
    public static final int VERSION = 1;
}
