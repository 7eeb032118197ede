package vn.ocop.payments.api;

/** The payments service's stream. */
public final class PaymentsEvents {

    public static final String STREAM = "ocop.payments";

    private PaymentsEvents() {
    }
}
