package vn.ocop.catalog.report;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import vn.ocop.orders.api.OrderShipped;
import vn.ocop.orders.api.OrdersEvents;
import vn.ocop.payments.api.PaymentsEvents;
import vn.ocop.payments.api.RefundCompleted;
import vn.ocop.platform.event.EventHandler;
import vn.ocop.traceability.api.LabelsPrinted;
import vn.ocop.traceability.api.LotRecalled;
import vn.ocop.traceability.api.LotRegistered;
import vn.ocop.traceability.api.ScanFlagged;
import vn.ocop.traceability.api.TraceabilityEvents;

/**
 * The events catalog reads only for the trade office's reports. (Sales come with the stock moves, in
 * {@code InventoryHandlers}: a service has one handler per event type.)
 */
@Factory
class ReportHandlers {

    @Singleton
    EventHandler<OrderShipped> onOrderShipped(ReportProjection reports) {
        return EventHandler.of(OrdersEvents.STREAM, OrderShipped.TYPE, OrderShipped.class,
                (event, envelope) -> reports.shipped(event));
    }

    @Singleton
    EventHandler<RefundCompleted> onRefundCompleted(ReportProjection reports) {
        return EventHandler.of(PaymentsEvents.STREAM, RefundCompleted.TYPE, RefundCompleted.class,
                (event, envelope) -> reports.refunded(event));
    }

    @Singleton
    EventHandler<LotRegistered> onLotRegistered(ReportProjection reports) {
        return EventHandler.of(TraceabilityEvents.STREAM, LotRegistered.TYPE, LotRegistered.class,
                (event, envelope) -> reports.lotRegistered(event));
    }

    @Singleton
    EventHandler<LabelsPrinted> onLabelsPrinted(ReportProjection reports) {
        return EventHandler.of(TraceabilityEvents.STREAM, LabelsPrinted.TYPE, LabelsPrinted.class,
                (event, envelope) -> reports.labelsPrinted(envelope.id(), event));
    }

    @Singleton
    EventHandler<LotRecalled> onLotRecalled(ReportProjection reports) {
        return EventHandler.of(TraceabilityEvents.STREAM, LotRecalled.TYPE, LotRecalled.class,
                (event, envelope) -> reports.lotRecalled(event));
    }

    @Singleton
    EventHandler<ScanFlagged> onScanFlagged(ReportProjection reports) {
        return EventHandler.of(TraceabilityEvents.STREAM, ScanFlagged.TYPE, ScanFlagged.class,
                (event, envelope) -> reports.scanFlagged(event));
    }
}
