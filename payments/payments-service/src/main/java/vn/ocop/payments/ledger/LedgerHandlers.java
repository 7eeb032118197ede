package vn.ocop.payments.ledger;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import vn.ocop.catalog.api.CatalogEvents;
import vn.ocop.catalog.api.ProductPublished;
import vn.ocop.orders.api.OrderCompleted;
import vn.ocop.orders.api.OrderConfirmed;
import vn.ocop.orders.api.OrderPaid;
import vn.ocop.orders.api.OrdersEvents;
import vn.ocop.payments.api.PaymentsEvents;
import vn.ocop.payments.api.RefundCompleted;
import vn.ocop.platform.event.EventHandler;

/**
 * The money events the ledger posts, and catalog's products it keeps a copy of. The platform runs each handler in a
 * transaction with the event's inbox row, so a redelivery posts nothing. {@code RefundCompleted} is this service's own
 * event, read back from its stream: the refund worker's transaction stays the refund package's own.
 */
@Factory
class LedgerHandlers {

    @Singleton
    EventHandler<OrderPaid> onOrderPaid(Ledger ledger) {
        return EventHandler.of(OrdersEvents.STREAM, OrderPaid.TYPE, OrderPaid.class, (event, envelope) -> ledger.orderPaid(event));
    }

    @Singleton
    EventHandler<OrderConfirmed> onOrderConfirmed(Ledger ledger) {
        return EventHandler.of(OrdersEvents.STREAM, OrderConfirmed.TYPE, OrderConfirmed.class,
                (event, envelope) -> ledger.orderConfirmed(event));
    }

    @Singleton
    EventHandler<OrderCompleted> onOrderCompleted(Ledger ledger) {
        return EventHandler.of(OrdersEvents.STREAM, OrderCompleted.TYPE, OrderCompleted.class,
                (event, envelope) -> ledger.orderCompleted(event));
    }

    @Singleton
    EventHandler<RefundCompleted> onRefundCompleted(Ledger ledger) {
        return EventHandler.of(PaymentsEvents.STREAM, RefundCompleted.TYPE, RefundCompleted.class,
                (event, envelope) -> ledger.refundCompleted(event));
    }

    /** Keeps product -> seller, OCOP group; an older revision than the one held changes nothing. */
    @Singleton
    EventHandler<ProductPublished> onProductPublished(Sql sql) {
        return EventHandler.of(CatalogEvents.STREAM, ProductPublished.TYPE, ProductPublished.class, (event, envelope) -> {
            String group = event.ocopGroup() != null && ProductPublished.OCOP_GROUPS.contains(event.ocopGroup())
                    ? event.ocopGroup() : null;
            sql.update("INSERT INTO ledger_products (product_id, seller_id, ocop_group, revision, updated_at) VALUES (?, ?, ?, ?, ?) "
                            + "ON DUPLICATE KEY UPDATE seller_id = IF(VALUES(revision) > revision, VALUES(seller_id), seller_id), "
                            + "ocop_group = IF(VALUES(revision) > revision, VALUES(ocop_group), ocop_group), "
                            + "updated_at = IF(VALUES(revision) > revision, VALUES(updated_at), updated_at), "
                            + "revision = GREATEST(revision, VALUES(revision))",
                    event.productId(), event.sellerId(), group, event.revision(), event.publishedAt());
        });
    }
}
