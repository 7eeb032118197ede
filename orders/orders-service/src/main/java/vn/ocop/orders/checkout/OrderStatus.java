package vn.ocop.orders.checkout;

import java.util.Set;

/**
 * Where one seller's order stands. Until its checkout is paid (or confirmed, for cash on delivery) it follows its
 * checkout; then it moves on its own: paid orders are shipped, delivered and completed, or cancelled before shipment
 * and refunded; cash-on-delivery orders go confirmed, shipped, delivered (cash collected), completed.
 */
public enum OrderStatus {
    PENDING_STOCK, AWAITING_PAYMENT, REJECTED, PAID, CONFIRMED, SHIPPED, DELIVERED, COMPLETED, CANCELLED,
    REFUND_PENDING, REFUNDED;

    /** Statuses in which the order still follows its checkout. */
    static final Set<OrderStatus> FOLLOWING = Set.of(PENDING_STOCK, AWAITING_PAYMENT);

    static OrderStatus of(CheckoutStatus status) {
        return switch (status) {
            case PENDING_STOCK -> PENDING_STOCK;
            case AWAITING_PAYMENT -> AWAITING_PAYMENT;
            case REJECTED -> REJECTED;
            case PAID -> PAID;
            case CONFIRMED -> CONFIRMED;
            case CANCELLED, REFUND_PENDING, REFUNDED -> CANCELLED;
        };
    }
}
