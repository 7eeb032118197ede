package vn.ocop.orders.api;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import vn.ocop.payments.api.PaymentMethod;

/**
 * A cash-on-delivery order is confirmed: its stock is reserved and it will be paid in cash to the seller's courier on
 * delivery. Catalog sells the reserved units, as for {@link OrderPaid}; the order is not cashless.
 *
 * @param orderId       the order
 * @param orderNumber   its public number
 * @param checkoutId    its checkout
 * @param sellerId      the seller
 * @param paymentMethod {@link PaymentMethod#COD}
 * @param totalVnd      cash to collect on delivery, shipping included
 * @param confirmedAt   when
 * @param lines         what was bought
 */
@Serdeable
public record OrderConfirmed(UUID orderId, String orderNumber, UUID checkoutId, UUID sellerId, PaymentMethod paymentMethod,
                             long totalVnd, Instant confirmedAt, List<CheckoutPlaced.Line> lines) {

    public static final String TYPE = "OrderConfirmed";
    public static final int VERSION = 1;
}
