package vn.ocop.payments.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.UUID;

/**
 * A payment session was opened for a checkout: what the buyer must do to pay.
 *
 * @param sessionId  the session
 * @param checkoutId the checkout it collects
 * @param method     the provider
 * @param amountVnd  amount due, whole dong
 * @param action     what the buyer does next
 * @param expiresAt  when the session stops accepting payment
 */
@Serdeable
public record PaymentSessionOpened(UUID sessionId, UUID checkoutId, PaymentMethod method, long amountVnd,
                                   PaymentAction action, Instant expiresAt) {

    public static final String TYPE = "PaymentSessionOpened";
    public static final int VERSION = 1;

    /** The kinds of buyer action. */
    public enum Kind { REDIRECT, QR, NONE }

    /**
     * What the buyer does to pay.
     *
     * @param kind      redirect to {@code url}, or show the QR {@code qrPayload}, or nothing (cash on delivery)
     * @param url       the provider's payment page
     * @param qrPayload the QR code's text
     */
    @Serdeable
    public record PaymentAction(Kind kind, @Nullable String url, @Nullable String qrPayload) {
    }
}
