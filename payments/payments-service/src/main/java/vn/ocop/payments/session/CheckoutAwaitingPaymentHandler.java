package vn.ocop.payments.session;

import jakarta.inject.Singleton;
import vn.ocop.orders.api.CheckoutAwaitingPayment;
import vn.ocop.orders.api.OrdersEvents;
import vn.ocop.platform.event.EventEnvelope;
import vn.ocop.platform.event.EventHandler;

/** A checkout's stock is reserved: open its payment session (the platform runs this in a transaction, once per event). */
@Singleton
class CheckoutAwaitingPaymentHandler implements EventHandler<CheckoutAwaitingPayment> {

    private final SessionOpener opener;

    CheckoutAwaitingPaymentHandler(SessionOpener opener) {
        this.opener = opener;
    }

    @Override
    public String stream() {
        return OrdersEvents.STREAM;
    }

    @Override
    public String type() {
        return CheckoutAwaitingPayment.TYPE;
    }

    @Override
    public Class<CheckoutAwaitingPayment> payloadType() {
        return CheckoutAwaitingPayment.class;
    }

    @Override
    public void handle(CheckoutAwaitingPayment event, EventEnvelope envelope) {
        opener.open(event);
    }
}
