package vn.ocop.payments.session;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.ocop.orders.api.CheckoutCancelled;
import vn.ocop.orders.api.OrdersEvents;
import vn.ocop.platform.event.EventEnvelope;
import vn.ocop.platform.event.EventHandler;
import vn.ocop.platform.outbox.Outbox;

/**
 * A checkout was cancelled unpaid (it lapsed, or its buyer cancelled it): its open payment session is cancelled. The
 * session row is locked as an IPN locks it (by its txn_ref), so a payment reported at the same moment is applied before
 * or after, never lost, and the two never deadlock; a session no longer open once locked is left as it is. A bank transfer
 * session that had received part of its amount keeps that money as a late payment ({@code PaymentSucceeded} for what it
 * received), so that orders, which cancelled the checkout, has it refunded.
 */
@Singleton
class CheckoutCancelledHandler implements EventHandler<CheckoutCancelled> {

    private static final Logger LOG = LoggerFactory.getLogger(CheckoutCancelledHandler.class);

    private final PaymentSessions sessions;
    private final Outbox outbox;
    private final Clock clock;

    CheckoutCancelledHandler(PaymentSessions sessions, Outbox outbox, Clock clock) {
        this.sessions = sessions;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public String stream() {
        return OrdersEvents.STREAM;
    }

    @Override
    public String type() {
        return CheckoutCancelled.TYPE;
    }

    @Override
    public Class<CheckoutCancelled> payloadType() {
        return CheckoutCancelled.class;
    }

    @Override
    public void handle(CheckoutCancelled event, EventEnvelope envelope) {
        // Found without a lock, then locked by txn_ref as the IPN locks it: both take the txn_ref index entry, then the
        // row, then the open-session key their UPDATE changes. Locking through the open-session key first, as a lookup
        // by checkout and state does, takes them in the opposite order and deadlocks with a concurrent IPN.
        sessions.findByCheckoutIdAndState(event.checkoutId(), SessionState.OPEN)
                .flatMap(open -> sessions.findByTxnRefForUpdate(open.txnRef()))
                .flatMap(session -> session.cancel(clock.instant()))
                .ifPresent(cancelled -> {
                    Optional<Transition> received = cancelled.captureReceived(clock.instant());
                    if (received.isEmpty()) {
                        sessions.update(cancelled);
                        LOG.info("cancelled payment session {} ({}) of checkout {} ({})", cancelled.id(), cancelled.txnRef(),
                                event.checkoutNumber(), event.reason());
                        return;
                    }
                    Transition late = received.get();
                    sessions.update(late.session());
                    outbox.publish(late.eventType(), late.eventVersion(), late.session().id().toString(), late.event());
                    LOG.warn("cancelled payment session {} ({}) of checkout {} ({}) had received {} of {} VND; captured as a late "
                            + "payment, to be refunded", cancelled.id(), cancelled.txnRef(), event.checkoutNumber(), event.reason(),
                            cancelled.receivedVnd(), cancelled.amountVnd());
                });
    }
}
