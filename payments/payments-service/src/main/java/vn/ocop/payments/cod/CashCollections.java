package vn.ocop.payments.cod;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.ocop.orders.api.OrderDelivered;
import vn.ocop.payments.api.PaymentMethod;
import vn.ocop.payments.api.PaymentSucceeded;
import vn.ocop.payments.ledger.Sql;
import vn.ocop.platform.event.Ids;
import vn.ocop.platform.event.NonRetryableEventException;
import vn.ocop.platform.outbox.Outbox;

/**
 * Cash on delivery recorded as a payment (issue 5, point 5): when orders reports a cash-on-delivery order delivered with
 * cash collected at the door ({@code OrderDelivered}, {@code cashCollectedVnd > 0}), the collection is kept in
 * {@code cod_collections} and announced with {@code PaymentSucceeded} by method {@link PaymentMethod#COD}, through the
 * outbox, in the handler's transaction. Cash never reaches the platform: nothing is posted to the ledger here (the seller
 * owes the commission on it when the order completes, see the ledger).
 *
 * <p>Once per seller order: a redelivered event stops at the inbox, and the same delivery published again under a new
 * event id finds the order's row taken. The row is written with {@code INSERT IGNORE} on the order's unique key, so a copy
 * handled at the same moment waits for the first one's transaction and then writes and announces nothing.
 *
 * <p>The announcement is {@code PaymentSucceeded(sessionId = the collection's id, checkoutId, COD, the cash collected,
 * providerReference = the order's number, paidAt = the delivery time)}: no payment session exists for cash, so the
 * collection's own id, made once when it is recorded, stands where a session's would.
 */
@Singleton
class CashCollections {

    private static final Logger LOG = LoggerFactory.getLogger(CashCollections.class);
    private static final int ORDER_NUMBER = 40;
    private static final int CONFIRMED_BY = 16;

    private final Sql sql;
    private final Outbox outbox;
    private final Clock clock;

    CashCollections(Sql sql, Outbox outbox, Clock clock) {
        this.sql = sql;
        this.outbox = outbox;
        this.clock = clock;
    }

    void delivered(OrderDelivered event) {
        if (event.paymentMethod() != PaymentMethod.COD) {
            return;
        }
        if (event.cashCollectedVnd() <= 0) {
            LOG.info("cash-on-delivery order {} was delivered with no cash collected; no payment recorded", event.orderNumber());
            return;
        }
        check(event);
        UUID id = Ids.newId();
        Instant collectedAt = event.deliveredAt() == null ? clock.instant() : event.deliveredAt();
        int recorded = sql.update("INSERT IGNORE INTO cod_collections (id, order_id, order_number, checkout_id, seller_id, amount_vnd, "
                        + "confirmed_by, collected_at, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", id, event.orderId(),
                event.orderNumber(), event.checkoutId(), event.sellerId(), event.cashCollectedVnd(), event.confirmedBy(), collectedAt,
                clock.instant());
        if (recorded == 0) {
            long earlier = sql.sum("SELECT amount_vnd FROM cod_collections WHERE order_id = ?", event.orderId());
            if (earlier != event.cashCollectedVnd()) {
                LOG.warn("cash-on-delivery order {} is reported delivered again with {} VND collected; {} VND was recorded and stays",
                        event.orderNumber(), event.cashCollectedVnd(), earlier);
            }
            return;
        }
        var succeeded = new PaymentSucceeded(id, event.checkoutId(), PaymentMethod.COD, event.cashCollectedVnd(), event.orderNumber(),
                collectedAt);
        outbox.publish(PaymentSucceeded.TYPE, PaymentSucceeded.VERSION, id.toString(), succeeded);
        LOG.info("cash on delivery: {} VND collected for order {}, recorded as payment {}", event.cashCollectedVnd(),
                event.orderNumber(), id);
    }

    /** An event that names no order, checkout or seller, or that the table cannot hold whole, can never be recorded. */
    private static void check(OrderDelivered event) {
        if (event.orderId() == null || event.checkoutId() == null || event.sellerId() == null) {
            throw new NonRetryableEventException("OrderDelivered lacks its order, checkout or seller id");
        }
        if (event.orderNumber() == null || event.orderNumber().isBlank() || event.orderNumber().length() > ORDER_NUMBER) {
            throw new NonRetryableEventException("OrderDelivered of order " + event.orderId() + " has no usable order number");
        }
        if (event.confirmedBy() != null && event.confirmedBy().length() > CONFIRMED_BY) {
            throw new NonRetryableEventException("OrderDelivered of order " + event.orderId() + " names an unknown confirmer");
        }
    }
}
