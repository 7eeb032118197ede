package vn.ocop.orders.checkout;

/**
 * Where a checkout stands in the saga. A checkout is paid once for all its seller orders; after that each order
 * moves on its own ({@link OrderStatus}).
 */
public enum CheckoutStatus {
    /** Placed; catalog is reserving the stock. */
    PENDING_STOCK,
    /** Stock held until the checkout's pay-before time; payments collects the total. */
    AWAITING_PAYMENT,
    /** Some line could not be reserved; nothing is held, nothing is paid. */
    REJECTED,
    /** Paid once for all its orders. */
    PAID,
    /** Cash on delivery: stock held and sold, each order paid in cash at the door. */
    CONFIRMED,
    /** Cancelled unpaid: lapsed or cancelled by its buyer. */
    CANCELLED,
    /** A payment arrived after it was cancelled or rejected; payments is refunding it. */
    REFUND_PENDING,
    /** That late payment was refunded. */
    REFUNDED;

    /** Before payment (or confirmation): the whole checkout can still be cancelled. */
    boolean unsettled() {
        return this == PENDING_STOCK || this == AWAITING_PAYMENT;
    }
}
