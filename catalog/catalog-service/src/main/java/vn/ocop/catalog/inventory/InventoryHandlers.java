package vn.ocop.catalog.inventory;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import vn.ocop.catalog.report.ReportProjection;
import vn.ocop.orders.api.CheckoutCancelled;
import vn.ocop.orders.api.CheckoutPlaced;
import vn.ocop.orders.api.CheckoutRejected;
import vn.ocop.orders.api.OrderCancelled;
import vn.ocop.orders.api.OrderConfirmed;
import vn.ocop.orders.api.OrderPaid;
import vn.ocop.orders.api.OrdersEvents;
import vn.ocop.platform.event.EventHandler;

/**
 * The orders events that move stock. Those that sell or unsell it also move the trade office's sales reports, in the
 * same transaction, so the reports never count a sale the stock does not show.
 */
@Factory
class InventoryHandlers {

    /** A placed checkout is reserved, all or nothing. */
    @Singleton
    EventHandler<CheckoutPlaced> onCheckoutPlaced(StockReservations reservations) {
        return EventHandler.of(OrdersEvents.STREAM, CheckoutPlaced.TYPE, CheckoutPlaced.class,
                (event, envelope) -> reservations.reserve(event));
    }

    /** A rejected checkout keeps no stock. */
    @Singleton
    EventHandler<CheckoutRejected> onCheckoutRejected(StockReservations reservations) {
        return EventHandler.of(OrdersEvents.STREAM, CheckoutRejected.TYPE, CheckoutRejected.class,
                (event, envelope) -> reservations.release(event.checkoutId(), StockReservations.ReleaseReason.CHECKOUT_REJECTED));
    }

    /** A cancelled checkout (lapsed unpaid, or cancelled by its buyer) keeps no stock. */
    @Singleton
    EventHandler<CheckoutCancelled> onCheckoutCancelled(StockReservations reservations) {
        return EventHandler.of(OrdersEvents.STREAM, CheckoutCancelled.TYPE, CheckoutCancelled.class,
                (event, envelope) -> reservations.cancel(event.checkoutId()));
    }

    /** A paid order's reserved units are sold. */
    @Singleton
    EventHandler<OrderPaid> onOrderPaid(StockReservations reservations, ReportProjection reports) {
        return EventHandler.of(OrdersEvents.STREAM, OrderPaid.TYPE, OrderPaid.class, (event, envelope) -> {
            reservations.commit(event.checkoutId(), event.orderId());
            reports.sold(event.orderId(), event.checkoutId(), event.sellerId(), event.paymentMethod(), event.totalVnd(),
                    event.paidAt(), event.lines());
        });
    }

    /** A cash-on-delivery order, once confirmed, sells its reserved units as a paid order does. */
    @Singleton
    EventHandler<OrderConfirmed> onOrderConfirmed(StockReservations reservations, ReportProjection reports) {
        return EventHandler.of(OrdersEvents.STREAM, OrderConfirmed.TYPE, OrderConfirmed.class, (event, envelope) -> {
            reservations.commit(event.checkoutId(), event.orderId());
            reports.sold(event.orderId(), event.checkoutId(), event.sellerId(), event.paymentMethod(), event.totalVnd(),
                    event.confirmedAt(), event.lines());
        });
    }

    /**
     * A cancelled order whose units were sold (paid or confirmed) puts them back on sale. One that was never sold
     * holds nothing of its own: its checkout's cancellation releases the reservation.
     */
    @Singleton
    EventHandler<OrderCancelled> onOrderCancelled(StockReturns returns, ReportProjection reports) {
        return EventHandler.of(OrdersEvents.STREAM, OrderCancelled.TYPE, OrderCancelled.class, (event, envelope) -> {
            if (event.stockSold()) {
                returns.returnOrder(event.checkoutId(), event.orderId());
            }
            reports.cancelled(event);
        });
    }
}
