package vn.ocop.payments.ledger;

import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import vn.ocop.orders.api.CheckoutPlaced;
import vn.ocop.payments.api.PaymentMethod;

/** The ledger's orders, their goods lines and the refunds heard of, in the caller's transaction. */
@Singleton
class LedgerOrders {

    private static final String COLUMNS = "order_id, order_number, checkout_id, seller_id, method, state, total_vnd, paid_vnd, "
            + "refunded_vnd, commission_vnd, completed_at";

    private final Sql sql;
    private final Clock clock;

    LedgerOrders(Sql sql, Clock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    /** The order with its row locked until the transaction ends. */
    Optional<LedgerOrder> lock(UUID orderId) {
        return sql.one("SELECT " + COLUMNS + " FROM ledger_orders WHERE order_id = ? FOR UPDATE", LedgerOrders::order, orderId);
    }

    Optional<LedgerOrder> find(UUID orderId) {
        return sql.one("SELECT " + COLUMNS + " FROM ledger_orders WHERE order_id = ?", LedgerOrders::order, orderId);
    }

    void insert(LedgerOrder o, List<CheckoutPlaced.Line> lines) {
        var now = clock.instant();
        sql.update("INSERT INTO ledger_orders (" + COLUMNS + ", created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                o.orderId(), o.orderNumber(), o.checkoutId(), o.sellerId(), o.method(), o.state(), o.totalVnd(), o.paidVnd(),
                o.refundedVnd(), o.commissionVnd(), o.completedAt(), now, now);
        int no = 0;
        for (CheckoutPlaced.Line line : lines == null ? List.<CheckoutPlaced.Line>of() : lines) {
            sql.update("INSERT INTO ledger_order_lines (order_id, line_no, product_id, amount_vnd) VALUES (?, ?, ?, ?)",
                    o.orderId(), ++no, line.productId(), Math.multiplyExact((long) line.quantity(), line.unitPriceVnd()));
        }
    }

    void update(LedgerOrder o) {
        sql.update("UPDATE ledger_orders SET state = ?, paid_vnd = ?, refunded_vnd = ?, commission_vnd = ?, completed_at = ?, "
                + "updated_at = ? WHERE order_id = ?", o.state(), o.paidVnd(), o.refundedVnd(), o.commissionVnd(), o.completedAt(),
                clock.instant(), o.orderId());
    }

    List<LedgerOrder.Line> lines(UUID orderId) {
        return sql.list("SELECT product_id, amount_vnd FROM ledger_order_lines WHERE order_id = ? ORDER BY line_no",
                rs -> new LedgerOrder.Line(Sql.uuid(rs, "product_id"), rs.getLong("amount_vnd")), orderId);
    }

    private static LedgerOrder order(ResultSet rs) throws SQLException {
        return new LedgerOrder(Sql.uuid(rs, "order_id"), rs.getString("order_number"), Sql.uuid(rs, "checkout_id"),
                Sql.uuid(rs, "seller_id"), PaymentMethod.valueOf(rs.getString("method")),
                LedgerOrder.State.valueOf(rs.getString("state")), rs.getLong("total_vnd"), rs.getLong("paid_vnd"),
                rs.getLong("refunded_vnd"), rs.getLong("commission_vnd"), Sql.instant(rs, "completed_at"));
    }
}
