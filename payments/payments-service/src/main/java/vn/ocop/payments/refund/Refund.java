package vn.ocop.payments.refund;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import vn.ocop.orders.api.RefundRequested;
import vn.ocop.payments.api.PaymentMethod;
import vn.ocop.payments.api.RefundCompleted;
import vn.ocop.payments.session.PaymentSession;

/**
 * Money going back to a buyer, as orders asked ({@code RefundRequested}); its id is orders' refundId. A
 * {@link RefundState#REQUESTED} refund is claimed by the worker for one call to the provider at a time, and the call's
 * outcome ends it or schedules the next attempt. Each transition checks the state (and, for the outcome of a call,
 * that the call is still the refund's latest), so an outcome that arrives late or twice changes nothing.
 *
 * @param sessionId the captured payment session it refunds; null only when refused for want of one
 * @param requestedBy the administrator who asked for it; null for the refunds orders asked for and for excess transfers
 * @param attempts  calls made to the provider so far
 * @param requestId the provider's request id of the latest call
 * @param inDoubt   the latest call may have reached the provider without an answer we could trust
 */
@MappedEntity("refunds")
record Refund(
        @Id UUID id,
        UUID checkoutId,
        @Nullable UUID orderId,
        @Nullable UUID sessionId,
        PaymentMethod method,
        long amountVnd,
        String reason,
        @Nullable UUID requestedBy,
        RefundState state,
        int attempts,
        Instant nextAttemptAt,
        @Nullable String requestId,
        boolean inDoubt,
        @Nullable String providerResponseCode,
        @Nullable String providerMessage,
        @Nullable String providerTransactionNo,
        @Nullable String failureReason,
        Instant requestedAt,
        @Nullable Instant completedAt,
        Instant createdAt,
        Instant updatedAt) {

    private static final int TEXT = 500;
    private static final int MESSAGE = 255;
    private static final int REFERENCE = 64;
    private static final int CODE = 8;

    /** A refund accepted for the captured payment: due at once. */
    static Refund requested(RefundRequested request, PaymentSession captured, Instant now) {
        return new Refund(request.refundId(), request.checkoutId(), request.orderId(), captured.id(), captured.method(),
                request.amountVnd(), clip(request.reason(), TEXT), null, RefundState.REQUESTED, 0, now, null, false, null, null, null,
                null, requestedAt(request, now), null, now, now);
    }

    /**
     * Money received beyond what a payment asked for (a bank transfer larger than the amount, or one for a checkout
     * already paid), to give back through the provider that took it: due at once, not tied to an order.
     */
    static Refund excess(UUID id, PaymentSession captured, long amountVnd, String reason, Instant now) {
        return new Refund(id, captured.checkoutId(), null, captured.id(), captured.method(), amountVnd, clip(reason, TEXT), null,
                RefundState.REQUESTED, 0, now, null, false, null, null, null, null, now, null, now, now);
    }

    /**
     * A refund an administrator asked for ({@code requestedBy}) of the captured payment, for one seller order or (no
     * order) for the checkout as a whole: due at once.
     */
    static Refund byAdministrator(UUID id, PaymentSession captured, @Nullable UUID orderId, long amountVnd, String reason,
                                  UUID requestedBy, Instant now) {
        return new Refund(id, captured.checkoutId(), orderId, captured.id(), captured.method(), amountVnd, clip(reason, TEXT),
                requestedBy, RefundState.REQUESTED, 0, now, null, false, null, null, null, null, now, null, now, now);
    }

    /** A request refused on arrival ({@code why}), kept so that the refusal is visible and a repeat changes nothing. */
    static Refund refused(RefundRequested request, @Nullable PaymentSession captured, String why, Instant now) {
        return new Refund(request.refundId(), request.checkoutId(), request.orderId(), captured == null ? null : captured.id(),
                captured == null ? request.paymentMethod() : captured.method(), request.amountVnd(), clip(request.reason(), TEXT), null,
                RefundState.FAILED, 0, now, null, false, null, null, null, clip(why, TEXT), requestedAt(request, now), now, now, now);
    }

    /**
     * Takes the refund for one call, leased until {@code now + lease} (another worker takes it again after that, as
     * after a crash). The call's request id is new, unless the previous call is {@link #inDoubt}: then the provider
     * gets the same request id again, and a request it already carried out is not carried out twice.
     */
    Optional<Refund> claim(Instant now, Duration lease) {
        if (state != RefundState.REQUESTED || nextAttemptAt.isAfter(now) || attempts >= RefundRequestIds.MAX_ATTEMPT) {
            return Optional.empty();
        }
        int attempt = attempts + 1;
        String nextRequestId = inDoubt && requestId != null ? requestId : RefundRequestIds.of(id, attempt);
        return Optional.of(new Refund(id, checkoutId, orderId, sessionId, method, amountVnd, reason, requestedBy, state, attempt,
                now.plus(lease), nextRequestId, true, providerResponseCode, providerMessage, providerTransactionNo,
                failureReason, requestedAt, completedAt, createdAt, now));
    }

    /**
     * The provider refunded: {@link RefundCompleted}. Accepted from any call of a refund still {@link RefundState#REQUESTED}
     * (a slow call's success is the truth even if the refund was claimed again meanwhile); nothing otherwise.
     */
    Optional<Completion> succeed(RefundAnswer answer, Instant now) {
        if (state != RefundState.REQUESTED) {
            return Optional.empty();
        }
        var done = new Refund(id, checkoutId, orderId, sessionId, method, amountVnd, reason, requestedBy, RefundState.SUCCEEDED,
                attempts, nextAttemptAt, requestId, false, clip(answer.responseCode(), CODE), clip(answer.message(), MESSAGE),
                clip(answer.transactionNo(), REFERENCE), null,
                requestedAt, now, createdAt, now);
        var event = new RefundCompleted(id, checkoutId, orderId, method, amountVnd, answer.transactionNo(), now);
        return Optional.of(new Completion(done, event));
    }

    /**
     * An operator gave the money back by a bank transfer from the platform's account (a VietQR payment, which no provider
     * can refund): {@link RefundCompleted} with the bank's reference of that transfer, completed when the bank made it.
     * Only from {@link RefundState#REQUESTED}; nothing otherwise.
     */
    Optional<Completion> transferredByBank(String bankReference, Instant transferredAt, Instant now) {
        if (state != RefundState.REQUESTED) {
            return Optional.empty();
        }
        var done = new Refund(id, checkoutId, orderId, sessionId, method, amountVnd, reason, requestedBy, RefundState.SUCCEEDED,
                attempts, nextAttemptAt, requestId, false, null, "sent by bank transfer", clip(bankReference, REFERENCE), null,
                requestedAt, transferredAt, createdAt, now);
        var event = new RefundCompleted(id, checkoutId, orderId, method, amountVnd, bankReference, transferredAt);
        return Optional.of(new Completion(done, event));
    }

    /**
     * An operator could not give the money back by bank transfer ({@code why}, e.g. the buyer's account is closed): FAILED
     * as when a provider refuses for good, announcing nothing; what was owed is no longer committed, so an administrator
     * can ask for a new refund once the buyer gives another account. Only from {@link RefundState#REQUESTED}.
     */
    Optional<Refund> bankTransferFailed(String why, Instant now) {
        if (state != RefundState.REQUESTED) {
            return Optional.empty();
        }
        return Optional.of(new Refund(id, checkoutId, orderId, sessionId, method, amountVnd, reason, requestedBy, RefundState.FAILED,
                attempts, nextAttemptAt, requestId, false, null, null, null, clip(why, TEXT), requestedAt, now, createdAt, now));
    }

    /** Call {@code attempt} did not refund; the next one is due at {@code retryAt}. Nothing if that call is stale. */
    Optional<Refund> retry(int attempt, RefundAnswer answer, Instant retryAt, Instant now) {
        if (!latest(attempt)) {
            return Optional.empty();
        }
        return Optional.of(new Refund(id, checkoutId, orderId, sessionId, method, amountVnd, reason, requestedBy, state, attempts,
                retryAt, requestId, answer.kind() == RefundAnswer.Kind.UNKNOWN, clip(answer.responseCode(), CODE),
                clip(answer.message(), MESSAGE), null, clip(answer.detail(), TEXT), requestedAt, null, createdAt, now));
    }

    /** Call {@code attempt} ends the refund unrefunded, for {@code why}. Nothing if that call is stale. */
    Optional<Refund> fail(int attempt, RefundAnswer answer, String why, Instant now) {
        if (!latest(attempt)) {
            return Optional.empty();
        }
        boolean doubt = answer.kind() == RefundAnswer.Kind.UNKNOWN || answer.kind() == RefundAnswer.Kind.IN_DOUBT;
        return Optional.of(new Refund(id, checkoutId, orderId, sessionId, method, amountVnd, reason, requestedBy, RefundState.FAILED,
                attempts, nextAttemptAt, requestId, doubt, clip(answer.responseCode(), CODE), clip(answer.message(), MESSAGE), null,
                clip(why, TEXT), requestedAt, now, createdAt, now));
    }

    private static Instant requestedAt(RefundRequested request, Instant now) {
        return request.requestedAt() == null ? now : request.requestedAt();
    }

    /** Text cut to its column's size ({@code VARCHAR(n)} counts characters). */
    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    private boolean latest(int attempt) {
        return state == RefundState.REQUESTED && attempts == attempt;
    }

    /** A refund that succeeded and the event announcing it; the caller saves and publishes in one transaction. */
    record Completion(Refund refund, RefundCompleted event) {
    }
}
