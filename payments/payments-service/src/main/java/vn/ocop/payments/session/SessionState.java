package vn.ocop.payments.session;

/**
 * Where a payment session is in its life. An {@link #OPEN} session accepts the provider's verdict; a {@link #CANCELLED}
 * or {@link #EXPIRED} one still records a payment the provider captured, so that it can be refunded.
 */
public enum SessionState {
    /** Waiting for the buyer to pay at the provider. */
    OPEN,
    /** The provider captured the payment. */
    SUCCEEDED,
    /** The provider reported a failed or cancelled payment. */
    FAILED,
    /** Its time ran out before any verdict. */
    EXPIRED,
    /** Closed because the checkout was cancelled. */
    CANCELLED
}
