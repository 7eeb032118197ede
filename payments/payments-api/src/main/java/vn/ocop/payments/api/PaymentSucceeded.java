package vn.ocop.payments.api;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.UUID;

/**
 * A checkout's payment was captured. Published once per checkout, whatever the provider sends.
 *
 * @param sessionId         the payment session
 * @param checkoutId        the checkout paid
 * @param method            how
 * @param amountVnd         amount captured, whole dong
 * @param providerReference the provider's transaction number
 * @param paidAt            when the provider says it was paid
 */
@Serdeable
public record PaymentSucceeded(UUID sessionId, UUID checkoutId, PaymentMethod method, long amountVnd,
                               String providerReference, Instant paidAt) {

    public static final String TYPE = "PaymentSucceeded";
    public static final int VERSION = 1;
}
