package vn.ocop.payments.refund;

/** Where a refund is: waiting for (another) attempt at the provider, or ended one way or the other. */
enum RefundState {
    /** Recorded; the worker sends it to the provider, again after a retryable failure. */
    REQUESTED,
    /** The provider accepted the refund ({@code RefundCompleted} published). */
    SUCCEEDED,
    /** Refused on arrival, refused by the provider, or out of attempts: someone must look at it. */
    FAILED
}
