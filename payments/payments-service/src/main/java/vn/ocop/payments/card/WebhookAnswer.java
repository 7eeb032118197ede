package vn.ocop.payments.card;

import io.micronaut.serde.annotation.Serdeable;

/**
 * Our answer to an authentic Stripe webhook (HTTP 200): Stripe only needs a 2xx; the outcome is for people reading logs.
 *
 * @param eventId the event
 * @param outcome what it did (see {@link Outcome})
 */
@Serdeable
public record WebhookAnswer(String eventId, Outcome outcome) {

    /** What an authentic event did. */
    public enum Outcome {
        /** The session's payment succeeded: PaymentSucceeded. */
        SUCCEEDED,
        /** A session we had cancelled or let expire was paid: PaymentSucceeded all the same, and orders has it refunded. */
        LATE_CAPTURE,
        /** The session's payment failed: PaymentFailed. */
        FAILED,
        /** The session already had its verdict: nothing changed. */
        NO_CHANGE,
        /**
         * Stripe captured a payment for a session that had already failed (a second card tried on a page still open):
         * nothing changed here; an administrator must refund it in Stripe.
         */
        CAPTURED_AFTER_FAILURE,
        /** A refund Stripe reports was noted. */
        REFUND_NOTED,
        /** The event names no CARD session of ours: nothing changed. */
        UNKNOWN_SESSION,
        /** A type of event we do not act on. */
        IGNORED,
        /** The event was delivered before and acted on then: nothing changed. */
        DUPLICATE
    }
}
