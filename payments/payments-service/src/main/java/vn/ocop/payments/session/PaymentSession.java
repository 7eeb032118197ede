package vn.ocop.payments.session;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import vn.ocop.payments.api.PaymentFailed;
import vn.ocop.payments.api.PaymentMethod;
import vn.ocop.payments.api.PaymentSessionOpened;
import vn.ocop.payments.api.PaymentSessionOpened.PaymentAction;
import vn.ocop.payments.api.PaymentSucceeded;

/**
 * One attempt to collect a checkout's amount through a provider. It opens with the action the buyer takes (the
 * VNPay pay URL) and takes the provider's verdict once: {@link #fail} acts only on an {@link SessionState#OPEN}
 * session, and {@link #succeed} also on one we closed without a verdict ({@link SessionState#CANCELLED} or
 * {@link SessionState#EXPIRED}), because money the provider took must be recorded and given back, never ignored.
 * Otherwise they return nothing, so a repeated notification changes nothing.
 *
 * @param capturedCheckoutId the checkout id once the payment succeeded, else null; unique in the table, so the
 *                           database itself refuses a second capture for one checkout
 */
@MappedEntity("payment_sessions")
public record PaymentSession(
        @Id UUID id,
        UUID checkoutId,
        String checkoutNumber,
        PaymentMethod method,
        long amountVnd,
        SessionState state,
        String txnRef,
        @Nullable String payUrl,
        Instant expiresAt,
        @Nullable String providerTransactionNo,
        @Nullable String providerResponseCode,
        @Nullable String providerBankCode,
        @Nullable Instant paidAt,
        @Nullable UUID capturedCheckoutId,
        Instant createdAt,
        Instant updatedAt) {

    /** Opens a session for a checkout with the action the provider gave; announces it with {@link PaymentSessionOpened}. */
    static Transition open(NewSession request, PaymentAction action) {
        var session = new PaymentSession(request.sessionId(), request.checkoutId(), request.checkoutNumber(), request.method(),
                request.amountVnd(), SessionState.OPEN, request.txnRef(), action.url(), request.expiresAt(),
                null, null, null, null, null, request.createdAt(), request.createdAt());
        var event = new PaymentSessionOpened(session.id, session.checkoutId, session.method, session.amountVnd, action,
                session.expiresAt);
        return new Transition(session, PaymentSessionOpened.TYPE, PaymentSessionOpened.VERSION, event);
    }

    public boolean isOpen() {
        return state == SessionState.OPEN;
    }

    /**
     * The provider captured the payment: {@link PaymentSucceeded}, also when we had cancelled the session or let it
     * expire (orders then finds its checkout cancelled and has the payment refunded). Nothing when the session already
     * has a verdict (it succeeded or failed).
     */
    public Optional<Transition> succeed(ProviderResult result, Instant paidAt, Instant now) {
        if (!capturable()) {
            return Optional.empty();
        }
        var next = new PaymentSession(id, checkoutId, checkoutNumber, method, amountVnd, SessionState.SUCCEEDED, txnRef, payUrl,
                expiresAt, result.transactionNo(), result.responseCode(), result.bankCode(), paidAt, checkoutId, createdAt, now);
        var event = new PaymentSucceeded(id, checkoutId, method, amountVnd, result.transactionNo(), paidAt);
        return Optional.of(new Transition(next, PaymentSucceeded.TYPE, PaymentSucceeded.VERSION, event));
    }

    /**
     * The checkout was cancelled before it was paid: the session closes. No event announces it, since orders, which
     * cancelled the checkout, already knows. Nothing when the session is no longer open.
     */
    public Optional<PaymentSession> cancel(Instant now) {
        if (!isOpen()) {
            return Optional.empty();
        }
        return Optional.of(new PaymentSession(id, checkoutId, checkoutNumber, method, amountVnd, SessionState.CANCELLED, txnRef,
                payUrl, expiresAt, providerTransactionNo, providerResponseCode, providerBankCode, paidAt, capturedCheckoutId,
                createdAt, now));
    }

    /** Whether a payment the provider captured is recorded: the session has no verdict yet. */
    private boolean capturable() {
        return state == SessionState.OPEN || state == SessionState.CANCELLED || state == SessionState.EXPIRED;
    }

    /** The provider refused the payment: {@link PaymentFailed}, or nothing when the session is no longer open. */
    public Optional<Transition> fail(ProviderResult result, String reason, Instant now) {
        if (!isOpen()) {
            return Optional.empty();
        }
        var next = new PaymentSession(id, checkoutId, checkoutNumber, method, amountVnd, SessionState.FAILED, txnRef, payUrl,
                expiresAt, result.transactionNo(), result.responseCode(), result.bankCode(), null, null, createdAt, now);
        var event = new PaymentFailed(id, checkoutId, method, result.responseCode(), reason);
        return Optional.of(new Transition(next, PaymentFailed.TYPE, PaymentFailed.VERSION, event));
    }
}
