package vn.ocop.payments.refund;

import vn.ocop.payments.api.PaymentMethod;

/** A payment provider that gives captured money back. */
public interface RefundGateway {

    /** The method this gateway refunds. */
    PaymentMethod method();

    /**
     * Asks the provider to refund; called outside any database transaction. Never throws for what the provider or the
     * network did: every such outcome is an answer, {@link RefundAnswer.Kind#UNKNOWN} when nothing trustworthy came back.
     */
    RefundAnswer refund(RefundAttempt attempt);
}
