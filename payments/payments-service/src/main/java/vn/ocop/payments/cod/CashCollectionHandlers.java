package vn.ocop.payments.cod;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import vn.ocop.orders.api.OrderDelivered;
import vn.ocop.orders.api.OrdersEvents;
import vn.ocop.platform.event.EventHandler;

/** Orders' deliveries: those of cash-on-delivery orders with cash collected are recorded as payments. */
@Factory
class CashCollectionHandlers {

    @Singleton
    EventHandler<OrderDelivered> onOrderDelivered(CashCollections collections) {
        return EventHandler.of(OrdersEvents.STREAM, OrderDelivered.TYPE, OrderDelivered.class,
                (event, envelope) -> collections.delivered(event));
    }
}
