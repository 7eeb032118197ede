package vn.ocop.orders.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.UUID;
import vn.ocop.payments.api.PaymentMethod;

/**
 * Money the buyer paid must go back: a paid order was cancelled before shipment, or a payment was captured for a
 * checkout that had already been cancelled or rejected. Payments refunds it through the provider and answers with
 * its refund event. {@code refundId} is stable for one cause, so a repeated request refunds once.
 *
 * @param refundId      this refund
 * @param checkoutId    the checkout whose payment is refunded
 * @param orderId       the cancelled order, or null when the whole late payment is refunded
 * @param paymentMethod how it was paid
 * @param amountVnd     how much to refund, whole dong
 * @param reason        why, readable
 * @param requestedAt   when
 */
@Serdeable
public record RefundRequested(UUID refundId, UUID checkoutId, @Nullable UUID orderId, PaymentMethod paymentMethod,
                              long amountVnd, String reason, Instant requestedAt) {

    public static final String TYPE = "RefundRequested";
    public static final int VERSION = 1;
}
