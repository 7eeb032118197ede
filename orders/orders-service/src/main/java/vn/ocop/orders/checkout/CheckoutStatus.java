package vn.ocop.orders.checkout;

/** Where a checkout (and each of its seller orders) stands in the saga. */
public enum CheckoutStatus { PENDING_STOCK, AWAITING_PAYMENT, REJECTED, PAID }
