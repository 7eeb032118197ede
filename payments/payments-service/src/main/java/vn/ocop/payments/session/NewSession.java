package vn.ocop.payments.session;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.UUID;
import vn.ocop.payments.api.PaymentMethod;

/**
 * A session about to be opened: what a {@link PaymentGateway} needs to build the buyer's action.
 *
 * @param sessionId      the new session's id
 * @param checkoutId     the checkout it collects
 * @param checkoutNumber the checkout's public number
 * @param method         the provider
 * @param amountVnd      amount due, whole dong
 * @param txnRef         our reference for the payment at the provider (short ASCII alphanumerics)
 * @param buyerIp        the buyer's address, if known
 * @param createdAt      now
 * @param expiresAt      when the provider must stop accepting payment
 */
public record NewSession(UUID sessionId, UUID checkoutId, String checkoutNumber, PaymentMethod method, long amountVnd,
                         String txnRef, @Nullable String buyerIp, Instant createdAt, Instant expiresAt) {
}
