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
 * Otherwise they return nothing, so a repeated notification changes nothing. A bank transfer session (VietQR) may be
 * paid in several transfers: {@link #receive} adds each up until the amount is reached.
 *
 * @param receivedVnd        what the provider has taken for this session so far, whole dong: the amount once a VNPay
 *                           payment succeeded; the sum of the transfers for a VietQR session, which may fall short of the
 *                           amount (still open) or exceed it (the excess is refunded). No refund of it may exceed this.
 * @param paidAt             when the provider says it was paid; for a VietQR session paid in part, when the latest part
 *                           arrived
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
        long receivedVnd,
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
                request.amountVnd(), 0, SessionState.OPEN, request.txnRef(), action.url(), request.expiresAt(),
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
        var next = new PaymentSession(id, checkoutId, checkoutNumber, method, amountVnd, amountVnd, SessionState.SUCCEEDED, txnRef,
                payUrl, expiresAt, result.transactionNo(), result.responseCode(), result.bankCode(), paidAt, checkoutId, createdAt, now);
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
        return Optional.of(new PaymentSession(id, checkoutId, checkoutNumber, method, amountVnd, receivedVnd, SessionState.CANCELLED,
                txnRef, payUrl, expiresAt, providerTransactionNo, providerResponseCode, providerBankCode, paidAt, capturedCheckoutId,
                createdAt, now));
    }

    /**
     * A bank transfer of {@code transferVnd} arrived for this session (VietQR). An open session adds it to what it
     * received and stays open while the sum falls short of its amount; once the sum reaches the amount it succeeds
     * ({@link PaymentSucceeded} for the amount, once) and anything beyond is excess to give back. A session we closed
     * unpaid (cancelled, expired) captures everything it received as a late payment, which orders then has refunded,
     * exactly as a late VNPay payment. A paid session takes the whole transfer as excess. A failed session (VietQR
     * sessions never fail) is left as it is and the transfer held for an administrator.
     *
     * @param result        the bank's transaction id and the source that reported it
     * @param transferredAt when the bank says the money arrived
     */
    public Receipt receive(long transferVnd, ProviderResult result, Instant transferredAt, Instant now) {
        if (transferVnd <= 0) {
            throw new IllegalArgumentException("a transfer of " + transferVnd + " VND credits nothing");
        }
        long total = Math.addExact(receivedVnd, transferVnd);
        return switch (state) {
            case OPEN -> {
                if (total < amountVnd) {
                    yield new Receipt(Receipt.Outcome.PARTIAL, new PaymentSession(id, checkoutId, checkoutNumber, method, amountVnd,
                            total, state, txnRef, payUrl, expiresAt, result.transactionNo(), result.responseCode(), result.bankCode(),
                            transferredAt, null, createdAt, now), null, 0);
                }
                Receipt.Outcome outcome = total == amountVnd ? Receipt.Outcome.PAID : Receipt.Outcome.OVERPAID;
                yield Receipt.announced(outcome, capture(amountVnd, total, result, transferredAt, now), total - amountVnd);
            }
            case CANCELLED, EXPIRED -> Receipt.announced(Receipt.Outcome.LATE, capture(total, total, result, transferredAt, now), 0);
            case SUCCEEDED -> new Receipt(Receipt.Outcome.EXCESS, new PaymentSession(id, checkoutId, checkoutNumber, method,
                    amountVnd, total, state, txnRef, payUrl, expiresAt, providerTransactionNo, providerResponseCode,
                    providerBankCode, paidAt, capturedCheckoutId, createdAt, now), null, transferVnd);
            case FAILED -> new Receipt(Receipt.Outcome.HELD, this, null, 0);
        };
    }

    /**
     * A session closed unpaid (cancelled, expired) that had received part of its amount keeps that money as a late
     * payment: {@link PaymentSucceeded} for what it received, which orders, finding its checkout cancelled, has refunded.
     * Nothing when it received nothing or is not closed unpaid.
     */
    public Optional<Transition> captureReceived(Instant now) {
        if (receivedVnd <= 0 || (state != SessionState.CANCELLED && state != SessionState.EXPIRED)) {
            return Optional.empty();
        }
        var result = new ProviderResult(providerTransactionNo, providerResponseCode, providerBankCode);
        return Optional.of(capture(receivedVnd, receivedVnd, result, paidAt == null ? now : paidAt, now));
    }

    /** Succeeds, keeping {@code totalVnd} received and announcing {@code capturedVnd} captured. */
    private Transition capture(long capturedVnd, long totalVnd, ProviderResult result, Instant paidAt, Instant now) {
        var next = new PaymentSession(id, checkoutId, checkoutNumber, method, amountVnd, totalVnd, SessionState.SUCCEEDED, txnRef,
                payUrl, expiresAt, result.transactionNo(), result.responseCode(), result.bankCode(), paidAt, checkoutId, createdAt,
                now);
        var event = new PaymentSucceeded(id, checkoutId, method, capturedVnd, result.transactionNo(), paidAt);
        return new Transition(next, PaymentSucceeded.TYPE, PaymentSucceeded.VERSION, event);
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
        var next = new PaymentSession(id, checkoutId, checkoutNumber, method, amountVnd, receivedVnd, SessionState.FAILED, txnRef, payUrl,
                expiresAt, result.transactionNo(), result.responseCode(), result.bankCode(), null, null, createdAt, now);
        var event = new PaymentFailed(id, checkoutId, method, result.responseCode(), reason);
        return Optional.of(new Transition(next, PaymentFailed.TYPE, PaymentFailed.VERSION, event));
    }
}
