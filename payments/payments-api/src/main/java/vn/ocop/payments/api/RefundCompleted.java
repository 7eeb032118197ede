package vn.ocop.payments.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.UUID;

/**
 * A refund reached the buyer: the provider confirmed it. Answers orders' {@code RefundRequested} with the same
 * {@code refundId}.
 *
 * @param refundId            the refund (as requested)
 * @param checkoutId          the checkout whose payment was refunded
 * @param orderId             the cancelled order, or null when a whole late payment was refunded
 * @param method              how the money goes back
 * @param amountVnd           how much, whole dong
 * @param providerReference   the provider's reference of the refund (VNPay's transaction number)
 * @param completedAt         when the provider confirmed it
 */
@Serdeable
public record RefundCompleted(UUID refundId, UUID checkoutId, @Nullable UUID orderId, PaymentMethod method, long amountVnd,
                              @Nullable String providerReference, Instant completedAt) {

    public static final String TYPE = "RefundCompleted";
    public static final int VERSION = 1;
}
