package vn.ocop.payments.ledger;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.ocop.orders.api.CheckoutPlaced;
import vn.ocop.orders.api.OrderCompleted;
import vn.ocop.orders.api.OrderConfirmed;
import vn.ocop.orders.api.OrderPaid;
import vn.ocop.payments.api.RefundCompleted;
import vn.ocop.payments.ledger.JournalEntry.EntryType;

/**
 * The seller ledger: a double-entry journal of the money that passes through the platform for sellers' orders, posted
 * by the handler of each money event in the same transaction as the inbox row of that event (so a redelivered event
 * posts nothing), and once per natural key (so the same fact published again as a new event posts nothing either).
 *
 * <h2>Accounts</h2>
 * Balances are debits minus credits. Platform accounts: {@code CLEARING} (money captured by the providers for paid
 * orders; debits only), its contra accounts {@code REFUNDS} (given back to buyers) and {@code PAYOUTS} (sent to
 * sellers), both credits only, so that {@code CLEARING + REFUNDS + PAYOUTS} is what the platform holds; and
 * {@code COMMISSION_REVENUE} (credits only). Per seller: {@code SELLER_PENDING} (paid orders not yet completed) and
 * {@code SELLER_AVAILABLE} (completed, commission deducted, not yet paid out), both credit balances, and
 * {@code SELLER_RECEIVABLE} (what the seller owes: commission on cash it collected, refunds after its money was paid
 * out), a debit balance. Seller balances never turn (the schema refuses it). Over all accounts the balances sum to 0.
 *
 * <h2>Postings (D debit, C credit; T order total, R refund, K commission)</h2>
 * <ul>
 * <li><b>Order paid cashless</b> ({@code OrderPaid}, VNPay/VietQR/card): D CLEARING T, C SELLER_PENDING T.</li>
 * <li><b>Cash-on-delivery order confirmed</b> ({@code OrderConfirmed}): no money reaches the platform; its lines are
 *     kept for the commission.</li>
 * <li><b>Cashless order completed</b> ({@code OrderCompleted}): the seller's pending P = paid minus refunded becomes
 *     available less commission: D SELLER_PENDING P, C SELLER_AVAILABLE P-K, C COMMISSION_REVENUE K. K is taken on the
 *     goods (shipping carries none) less what was refunded before completion; see {@link Commission} for rates and
 *     rounding.</li>
 * <li><b>Cash-on-delivery order completed</b>: the seller kept the cash and owes the commission on the goods:
 *     D SELLER_RECEIVABLE K, C COMMISSION_REVENUE K. A payout nets it.</li>
 * <li><b>Refund completed</b> ({@code RefundCompleted}) for an order (its {@code orderId}): R is taken from what the
 *     order still holds (paid minus refunded; more than that never belonged to this seller and stays outside the
 *     ledger, logged). Before completion: D SELLER_PENDING R, C REFUNDS R. After completion: D SELLER_AVAILABLE (as much
 *     as is available), D SELLER_RECEIVABLE (the rest, when the money was already paid out), C REFUNDS R; the
 *     commission already taken is not given back. A refund naming no order (a payment that arrived after its checkout
 *     was cancelled, or money beyond the amount due) gives back money that no order ever credited to a seller: it is
 *     recorded as OUTSIDE the ledger, and not split over the checkout's orders. A refund that arrives before its order's
 *     payment reached the ledger (two streams may cross) WAITS and is posted right after that payment.</li>
 * <li><b>Payout</b> (see the payout package): D SELLER_AVAILABLE A+N, C SELLER_RECEIVABLE N, C PAYOUTS A, where N is
 *     what the seller owed and A what is sent.</li>
 * </ul>
 */
@Singleton
class Ledger {

    private static final Logger LOG = LoggerFactory.getLogger(Ledger.class);

    private final Journal journal;
    private final LedgerOrders orders;
    private final Commission commission;
    private final Sql sql;
    private final Clock clock;

    Ledger(Journal journal, LedgerOrders orders, Commission commission, Sql sql, Clock clock) {
        this.journal = journal;
        this.orders = orders;
        this.commission = commission;
        this.sql = sql;
        this.clock = clock;
    }

    void orderPaid(OrderPaid event) {
        if (!event.paymentMethod().cashless()) {
            LOG.warn("order {} is reported paid by {}; cash never reaches the ledger", event.orderNumber(), event.paymentMethod());
            return;
        }
        // a plain read: locking a row that is not there would lock the gap, and concurrent payments would deadlock on it;
        // a duplicate that slips past it fails on the primary key and is redelivered, to find the order then
        if (orders.find(event.orderId()).isPresent()) {
            return;
        }
        var order = new LedgerOrder(event.orderId(), event.orderNumber(), event.checkoutId(), event.sellerId(),
                event.paymentMethod(), LedgerOrder.State.PAID, event.totalVnd(), event.totalVnd(), 0, 0, null);
        orders.insert(order, event.lines());
        postPaid(order, event.paidAt() == null ? clock.instant() : event.paidAt());
        applyWaitingRefunds(order);
    }

    void orderConfirmed(OrderConfirmed event) {
        if (event.paymentMethod().cashless() || orders.find(event.orderId()).isPresent()) {
            return;
        }
        orders.insert(new LedgerOrder(event.orderId(), event.orderNumber(), event.checkoutId(), event.sellerId(),
                event.paymentMethod(), LedgerOrder.State.CONFIRMED, event.totalVnd(), 0, 0, 0, null), event.lines());
    }

    void orderCompleted(OrderCompleted event) {
        LedgerOrder order = orders.lock(event.orderId()).orElseGet(() -> unseen(event));
        if (order.state() == LedgerOrder.State.COMPLETED) {
            return;
        }
        var at = event.completedAt() == null ? clock.instant() : event.completedAt();
        var lines = orders.lines(order.orderId());
        long goods = event.subtotalVnd();
        long refundedGoods = Math.min(goods, order.refundedVnd());
        long fee = commission.of(order.sellerId(), lines, goods - refundedGoods);
        UUID seller = order.sellerId();
        if (order.method().cashless()) {
            long held = order.heldVnd();
            fee = Math.min(fee, held);
            var entry = JournalEntry.builder(EntryType.ORDER_COMPLETED, order.orderId().toString(),
                            "Đơn " + order.orderNumber() + " hoàn tất: " + held + " đ, phí sàn " + fee + " đ", at)
                    .seller(seller).order(order.orderId())
                    .debit(Account.pending(seller), held)
                    .credit(Account.available(seller), held - fee)
                    .credit(Account.COMMISSION_REVENUE, fee);
            if (entry.moves()) {
                journal.post(entry.build());
            }
        } else {
            var entry = JournalEntry.builder(EntryType.COD_COMMISSION, order.orderId().toString(),
                            "Đơn " + order.orderNumber() + " (thu hộ tiền mặt) hoàn tất: phí sàn " + fee + " đ", at)
                    .seller(seller).order(order.orderId())
                    .debit(Account.receivable(seller), fee)
                    .credit(Account.COMMISSION_REVENUE, fee);
            if (entry.moves()) {
                journal.post(entry.build());
            }
        }
        orders.update(order.completed(fee, at));
    }

    void refundCompleted(RefundCompleted event) {
        if (sql.one("SELECT 1 FROM ledger_refunds WHERE refund_id = ?", rs -> true, event.refundId()).isPresent()) {
            return;
        }
        var at = event.completedAt() == null ? clock.instant() : event.completedAt();
        if (event.orderId() == null) {
            recordRefund(event, "OUTSIDE", 0);
            LOG.info("refund {} of checkout {} names no order: money no seller was credited with, outside the ledger",
                    event.refundId(), event.checkoutId());
            return;
        }
        Optional<LedgerOrder> order = orders.lock(event.orderId());
        if (order.isEmpty()) {
            recordRefund(event, "WAITING", 0);
            LOG.info("refund {} of order {} arrived before the order's payment; it waits for it", event.refundId(), event.orderId());
            return;
        }
        if (!order.get().method().cashless()) {
            recordRefund(event, "OUTSIDE", 0);
            LOG.warn("refund {} of cash-on-delivery order {}: the platform never held that money", event.refundId(),
                    order.get().orderNumber());
            return;
        }
        long applied = apply(order.get(), event.refundId(), event.amountVnd(), at);
        recordRefund(event, "APPLIED", applied);
    }

    /** Posts the refund against what the order holds; returns the amount posted. */
    private long apply(LedgerOrder order, UUID refundId, long requestedVnd, Instant at) {
        long amount = Math.min(Math.max(0, requestedVnd), order.heldVnd());
        if (amount < requestedVnd) {
            LOG.warn("refund {} of {} VND exceeds the {} VND order {} still holds in the ledger; {} VND posted", refundId,
                    requestedVnd, order.heldVnd(), order.orderNumber(), amount);
        }
        if (amount == 0) {
            return 0;
        }
        UUID seller = order.sellerId();
        var entry = JournalEntry.builder(EntryType.REFUND, refundId.toString(),
                "Hoàn tiền đơn " + order.orderNumber() + ": " + amount + " đ", at).seller(seller).order(order.orderId());
        if (order.state() == LedgerOrder.State.COMPLETED) {
            long available = -journal.lockedBalance(Account.available(seller));
            long fromAvailable = Math.min(amount, Math.max(0, available));
            entry.debit(Account.available(seller), fromAvailable).debit(Account.receivable(seller), amount - fromAvailable);
        } else {
            entry.debit(Account.pending(seller), amount);
        }
        journal.post(entry.credit(Account.REFUNDS, amount).build());
        orders.update(order.refunded(amount));
        return amount;
    }

    private void applyWaitingRefunds(LedgerOrder paid) {
        record Waiting(UUID refundId, long amountVnd, Instant completedAt) {
        }
        List<Waiting> waiting = sql.list("SELECT refund_id, amount_vnd, completed_at FROM ledger_refunds "
                        + "WHERE order_id = ? AND state = 'WAITING' ORDER BY completed_at, refund_id FOR UPDATE",
                rs -> new Waiting(Sql.uuid(rs, "refund_id"), rs.getLong("amount_vnd"), Sql.instant(rs, "completed_at")),
                paid.orderId());
        LedgerOrder order = paid;
        for (Waiting w : waiting) {
            long applied = apply(order, w.refundId(), w.amountVnd(), w.completedAt());
            order = order.refunded(applied);
            sql.update("UPDATE ledger_refunds SET state = 'APPLIED', applied_vnd = ? WHERE refund_id = ?", applied, w.refundId());
        }
    }

    private void postPaid(LedgerOrder order, Instant at) {
        journal.post(JournalEntry.builder(EntryType.ORDER_PAID, order.orderId().toString(),
                        "Đơn " + order.orderNumber() + " đã thanh toán (" + order.method() + "): " + order.paidVnd() + " đ", at)
                .seller(order.sellerId()).order(order.orderId())
                .debit(Account.CLEARING, order.paidVnd())
                .credit(Account.pending(order.sellerId()), order.paidVnd())
                .build());
    }

    /**
     * An order completed that the ledger never saw paid or confirmed (it was before the ledger existed): a cashless one
     * was captured all the same, so its payment is posted now; its lines are unknown, so the commission takes the
     * seller's or the default rate.
     */
    private LedgerOrder unseen(OrderCompleted event) {
        boolean cashless = event.paymentMethod().cashless();
        var order = new LedgerOrder(event.orderId(), event.orderNumber(), event.checkoutId(), event.sellerId(),
                event.paymentMethod(), cashless ? LedgerOrder.State.PAID : LedgerOrder.State.CONFIRMED, event.totalVnd(),
                cashless ? event.totalVnd() : 0, 0, 0, null);
        orders.insert(order, List.<CheckoutPlaced.Line>of());
        if (cashless) {
            LOG.warn("order {} completed without its payment in the ledger; posting the payment of {} VND now",
                    event.orderNumber(), event.totalVnd());
            postPaid(order, event.completedAt() == null ? clock.instant() : event.completedAt());
        }
        return order;
    }

    private void recordRefund(RefundCompleted event, String state, long applied) {
        sql.update("INSERT INTO ledger_refunds (refund_id, checkout_id, order_id, amount_vnd, applied_vnd, state, completed_at, "
                        + "recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", event.refundId(), event.checkoutId(), event.orderId(),
                Math.max(0, event.amountVnd()), applied, state, event.completedAt() == null ? clock.instant() : event.completedAt(),
                clock.instant());
    }
}
