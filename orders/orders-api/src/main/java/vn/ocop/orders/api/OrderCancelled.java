package vn.ocop.orders.api;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import vn.ocop.payments.api.PaymentMethod;

/**
 * A seller order was cancelled before it shipped. When it had been paid or confirmed ({@code stockSold}), catalog
 * puts its units back on sale; when it had been paid, {@code refundVnd} is what the buyer gets back (payments acts on
 * the {@link RefundRequested} published with it).
 *
 * @param orderId       the order
 * @param orderNumber   its public number
 * @param checkoutId    its checkout
 * @param sellerId      the seller
 * @param paymentMethod how it was (to be) paid
 * @param cancelledBy   {@code BUYER}, {@code SELLER} or {@code SYSTEM} (lapsed unpaid)
 * @param reason        why, in the canceller's words or {@code EXPIRED}
 * @param stockSold     whether catalog had already sold its units (paid or confirmed)
 * @param refundVnd     what is refunded to the buyer, 0 when nothing was paid
 * @param cancelledAt   when
 * @param lines         what the order held
 */
@Serdeable
public record OrderCancelled(UUID orderId, String orderNumber, UUID checkoutId, UUID sellerId, PaymentMethod paymentMethod,
                             String cancelledBy, String reason, boolean stockSold, long refundVnd, Instant cancelledAt,
                             List<CheckoutPlaced.Line> lines) {

    public static final String TYPE = "OrderCancelled";
    public static final int VERSION = 1;
}
