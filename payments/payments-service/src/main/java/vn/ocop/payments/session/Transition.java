package vn.ocop.payments.session;

/**
 * A session's state change and the event that announces it; the caller saves {@code session} and publishes
 * {@code event} in one transaction.
 *
 * @param session      the session after the change
 * @param eventType    the event's type, e.g. {@code PaymentSucceeded}
 * @param eventVersion the event's schema version
 * @param event        the event's data
 */
public record Transition(PaymentSession session, String eventType, int eventVersion, Object event) {
}
