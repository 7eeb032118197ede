package vn.ocop.payments.api;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.UUID;

/**
 * A checkout's payment was captured. Published once per checkout, whatever the provider sends.
 *
 * <p>Cash on delivery ({@link PaymentMethod#COD}) is different: it is published once per seller order whose cash was
 * collected at the door (orders' {@code OrderDelivered} with cash collected), for that order's cash only. It records money
 * the seller holds, not a capture of the checkout: the checkout was confirmed, never paid, and no refund of it is ever
 * due to the platform.
 *
 * @param sessionId         the payment session; for {@code COD}, the id of the cash collection that payments recorded for
 *                          the order (no session exists for cash), one per seller order
 * @param checkoutId        the checkout paid
 * @param method            how
 * @param amountVnd         amount captured, whole dong; for {@code COD}, the cash collected for the order
 * @param providerReference the provider's transaction number; for {@code COD}, the order's public number
 * @param paidAt            when the provider says it was paid; for {@code COD}, when the order was delivered
 */
@Serdeable
public record PaymentSucceeded(UUID sessionId, UUID checkoutId, PaymentMethod method, long amountVnd,
                               String providerReference, Instant paidAt) {

    public static final String TYPE = "PaymentSucceeded";
    public static final int VERSION = 1;
}
