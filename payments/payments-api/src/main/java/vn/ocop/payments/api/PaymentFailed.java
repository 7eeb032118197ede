package vn.ocop.payments.api;

import io.micronaut.serde.annotation.Serdeable;
import java.util.UUID;

/**
 * A payment attempt failed (declined, cancelled by the buyer); the checkout may be paid by a new attempt until
 * its reservation expires.
 *
 * @param sessionId  the payment session
 * @param checkoutId the checkout
 * @param method     the provider
 * @param reasonCode the provider's code, e.g. VNPay {@code 24} (cancelled by the customer)
 * @param reason     a readable reason
 */
@Serdeable
public record PaymentFailed(UUID sessionId, UUID checkoutId, PaymentMethod method, String reasonCode, String reason) {

    public static final String TYPE = "PaymentFailed";
    public static final int VERSION = 1;
}
