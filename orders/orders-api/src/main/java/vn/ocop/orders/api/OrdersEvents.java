package vn.ocop.orders.api;

/** The orders service's stream. */
public final class OrdersEvents {

    public static final String STREAM = "ocop.orders";

    private OrdersEvents() {
    }
}
