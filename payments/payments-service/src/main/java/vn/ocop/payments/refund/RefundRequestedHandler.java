package vn.ocop.payments.refund;

import jakarta.inject.Singleton;
import vn.ocop.orders.api.OrdersEvents;
import vn.ocop.orders.api.RefundRequested;
import vn.ocop.platform.event.EventEnvelope;
import vn.ocop.platform.event.EventHandler;

/**
 * Orders wants money given back: the refund is recorded in the handler's transaction (once per event, by the platform's
 * inbox; once per refund id, by the table's key). The provider is called later by {@link RefundWorker}, never inside
 * this transaction.
 */
@Singleton
class RefundRequestedHandler implements EventHandler<RefundRequested> {

    private final RefundRecorder recorder;

    RefundRequestedHandler(RefundRecorder recorder) {
        this.recorder = recorder;
    }

    @Override
    public String stream() {
        return OrdersEvents.STREAM;
    }

    @Override
    public String type() {
        return RefundRequested.TYPE;
    }

    @Override
    public Class<RefundRequested> payloadType() {
        return RefundRequested.class;
    }

    @Override
    public void handle(RefundRequested event, EventEnvelope envelope) {
        recorder.record(event);
    }
}
