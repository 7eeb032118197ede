package vn.ocop.payments.session;

import io.micronaut.core.annotation.Nullable;
import java.util.Optional;

/**
 * What a bank transfer did to its session ({@link PaymentSession#receive}): the session as it is now, the transition to
 * announce when the transfer completed the payment, and what was received beyond the amount, to give back.
 *
 * @param outcome    what happened
 * @param session    the session after the transfer, to save
 * @param transition the session's success and its {@code PaymentSucceeded} (null when nothing is announced)
 * @param excessVnd  received beyond what the session asked for, whole dong
 */
public record Receipt(Outcome outcome, PaymentSession session, @Nullable Transition transition, long excessVnd) {

    static Receipt announced(Outcome outcome, Transition transition, long excessVnd) {
        return new Receipt(outcome, transition.session(), transition, excessVnd);
    }

    /** What a transfer did. */
    public enum Outcome {
        /** Added to an open session that still waits for the rest. */
        PARTIAL,
        /** Completed the payment exactly. */
        PAID,
        /** Completed the payment with more than was asked: the excess is refunded. */
        OVERPAID,
        /** Arrived for a session already paid: all of it is excess, refunded. */
        EXCESS,
        /** Arrived for a session closed unpaid: captured as a late payment, which orders has refunded. */
        LATE,
        /** Arrived for a session that ended otherwise: kept for an administrator. */
        HELD
    }

    public Optional<Transition> announcement() {
        return Optional.ofNullable(transition);
    }
}
