package vn.ocop.payments.admin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.ocop.payments.admin.Reconciliation.AmountMismatch;
import vn.ocop.payments.admin.Reconciliation.Capped;
import vn.ocop.payments.admin.Reconciliation.CollectedTotal;
import vn.ocop.payments.admin.Reconciliation.LatePayment;
import vn.ocop.payments.admin.Reconciliation.PendingRefunds;
import vn.ocop.payments.admin.Reconciliation.QueryMismatch;
import vn.ocop.payments.admin.Reconciliation.RefundTotal;
import vn.ocop.payments.admin.Reconciliation.RepeatedNotifications;
import vn.ocop.payments.admin.Reconciliation.SessionTotal;
import vn.ocop.payments.admin.Reconciliation.UnmatchedTransfer;
import vn.ocop.payments.api.PaymentMethod;
import vn.ocop.payments.ledger.Sql;
import vn.ocop.platform.time.VietnamTime;

/**
 * The reconciliation view's figures, each one statement that the database aggregates or caps (no table is read whole
 * into memory). A window [from, to) applies to each figure's own time: a session's opening, a payment's capture or a cash
 * collection's delivery, a refund's request, a notification's or a bank transfer's arrival, a late payment's capture, a
 * query's last asking.
 */
@Singleton
class ReconciliationQueries {

    /** What VNPay's IPN carries as the amount: vnp_Amount, the amount in dong times 100. */
    private static final Pattern VNP_AMOUNT = Pattern.compile("(?:^|&)vnp_Amount=(\\d{1,20})(?:&|$)");
    private static final String VNPAY = PaymentMethod.VNPAY.name();
    /**
     * A whole late payment's refund, as orders asks for it (no order, no administrator) and not an excess bank
     * transfer's refund (those are named by the transfer).
     */
    private static final String LATE_REFUND = "r.session_id = s.id AND r.order_id IS NULL AND r.requested_by IS NULL "
            + "AND NOT EXISTS (SELECT 1 FROM bank_transfers b WHERE b.refund_id = r.id)";

    private final Sql sql;
    private final Clock clock;

    ReconciliationQueries(Sql sql, Clock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    /** The whole view, read in one read-only transaction (one consistent snapshot under REPEATABLE READ). */
    @Transactional(readOnly = true)
    Reconciliation read(@Nullable Instant from, @Nullable Instant to, @Nullable PaymentMethod method, int limit) {
        Instant now = clock.instant();
        return new Reconciliation(from, local(from), to, local(to), method, now, VietnamTime.ZONE.getId(), sessions(from, to, method),
                collected(from, to, method), refunds(from, to, method), pending(from, to, method, now),
                amountMismatches(from, to, method, limit), repeated(from, to, method, limit), late(from, to, method, limit),
                queryMismatches(from, to, method, limit), unmatched(from, to, method, limit));
    }

    private List<SessionTotal> sessions(Instant from, Instant to, PaymentMethod method) {
        var where = new Where().window("created_at", from, to).method("method", method);
        return sql.list("SELECT state, method, COUNT(*) AS n, COALESCE(SUM(amount_vnd), 0) AS amount, "
                        + "COALESCE(SUM(received_vnd), 0) AS received FROM payment_sessions" + where.sql()
                        + " GROUP BY state, method ORDER BY state, method",
                rs -> new SessionTotal(rs.getString("state"), rs.getString("method"), rs.getLong("n"), rs.getLong("amount"),
                        rs.getLong("received")), where.params());
    }

    private List<CollectedTotal> collected(Instant from, Instant to, PaymentMethod method) {
        List<CollectedTotal> totals = new ArrayList<>();
        if (method == null || method.cashless()) {
            var where = new Where().is("state", "SUCCEEDED").window("paid_at", from, to).method("method", method);
            totals.addAll(sql.list("SELECT method, COUNT(*) AS n, COALESCE(SUM(received_vnd), 0) AS amount FROM payment_sessions"
                            + where.sql() + " GROUP BY method",
                    rs -> new CollectedTotal(rs.getString("method"), true, rs.getLong("n"), rs.getLong("amount")), where.params()));
        }
        if (method == null || method == PaymentMethod.COD) {
            var where = new Where().window("collected_at", from, to);
            sql.one("SELECT COUNT(*) AS n, COALESCE(SUM(amount_vnd), 0) AS amount FROM cod_collections" + where.sql(),
                            rs -> new CollectedTotal(PaymentMethod.COD.name(), false, rs.getLong("n"), rs.getLong("amount")),
                            where.params())
                    .filter(cod -> cod.count() > 0).ifPresent(totals::add);
        }
        totals.sort(Comparator.comparing((CollectedTotal t) -> PaymentMethod.valueOf(t.method())));
        return totals;
    }

    private List<RefundTotal> refunds(Instant from, Instant to, PaymentMethod method) {
        var where = new Where().window("requested_at", from, to).method("method", method);
        return sql.list("SELECT state, COUNT(*) AS n, COALESCE(SUM(amount_vnd), 0) AS amount FROM refunds" + where.sql()
                        + " GROUP BY state ORDER BY state",
                rs -> new RefundTotal(rs.getString("state"), rs.getLong("n"), rs.getLong("amount")), where.params());
    }

    private PendingRefunds pending(Instant from, Instant to, PaymentMethod method, Instant now) {
        var where = new Where().is("state", "REQUESTED").window("requested_at", from, to).method("method", method);
        return sql.one("SELECT COUNT(*) AS n, COALESCE(SUM(amount_vnd), 0) AS amount, MIN(requested_at) AS oldest FROM refunds"
                        + where.sql(),
                rs -> {
                    Instant oldest = Sql.instant(rs, "oldest");
                    return new PendingRefunds(rs.getLong("n"), rs.getLong("amount"), oldest, local(oldest),
                            oldest == null ? null : Math.max(0, Duration.between(oldest, now).toSeconds()));
                }, where.params()).orElseThrow();
    }

    private Capped<AmountMismatch> amountMismatches(Instant from, Instant to, PaymentMethod method, int limit) {
        if (method != null && method != PaymentMethod.VNPAY) {
            return Capped.none();
        }
        var where = new Where().is("n.provider", VNPAY).is("n.answer_code", "04").window("n.received_at", from, to);
        long total = sql.sum("SELECT COUNT(*) FROM provider_notifications n" + where.sql(), where.params());
        List<AmountMismatch> rows = sql.list("SELECT n.id, n.txn_ref, n.raw_query, n.received_at, s.id AS session_id, "
                        + "s.checkout_number, s.amount_vnd FROM provider_notifications n "
                        + "LEFT JOIN payment_sessions s ON s.txn_ref = n.txn_ref" + where.sql()
                        + " ORDER BY n.received_at DESC, n.id LIMIT " + limit,
                rs -> new AmountMismatch(Sql.uuid(rs, "id"), rs.getString("txn_ref"), Sql.uuid(rs, "session_id"),
                        rs.getString("checkout_number"), nullableLong(rs, "amount_vnd"), notifiedVnd(rs.getString("raw_query")),
                        Sql.instant(rs, "received_at"), local(Sql.instant(rs, "received_at"))), where.params());
        return new Capped<>(total, rows);
    }

    private Capped<RepeatedNotifications> repeated(Instant from, Instant to, PaymentMethod method, int limit) {
        if (method != null && method != PaymentMethod.VNPAY) {
            return Capped.none();
        }
        var where = new Where().is("provider", VNPAY).is("answer_code", "02").window("received_at", from, to);
        long total = sql.sum("SELECT COUNT(DISTINCT txn_ref) FROM provider_notifications" + where.sql(), where.params());
        List<RepeatedNotifications> rows = sql.list("SELECT d.txn_ref, d.n, d.first_at, d.last_at, s.id AS session_id, "
                        + "s.checkout_number, s.state FROM (SELECT txn_ref, COUNT(*) AS n, MIN(received_at) AS first_at, "
                        + "MAX(received_at) AS last_at FROM provider_notifications" + where.sql()
                        + " GROUP BY txn_ref ORDER BY n DESC, txn_ref LIMIT " + limit + ") d "
                        + "LEFT JOIN payment_sessions s ON s.txn_ref = d.txn_ref ORDER BY d.n DESC, d.txn_ref",
                rs -> new RepeatedNotifications(rs.getString("txn_ref"), Sql.uuid(rs, "session_id"),
                        rs.getString("checkout_number"), rs.getString("state"), rs.getLong("n"), Sql.instant(rs, "first_at"),
                        Sql.instant(rs, "last_at")), where.params());
        return new Capped<>(total, rows);
    }

    private Capped<LatePayment> late(Instant from, Instant to, PaymentMethod method, int limit) {
        var where = new Where().is("s.state", "SUCCEEDED").window("s.paid_at", from, to).method("s.method", method)
                .and("(s.paid_at > s.expires_at"
                        + " OR EXISTS (SELECT 1 FROM refunds r WHERE " + LATE_REFUND + ")"
                        + " OR EXISTS (SELECT 1 FROM bank_transfers t WHERE t.session_id = s.id AND t.outcome = 'LATE')"
                        + " OR EXISTS (SELECT 1 FROM card_webhook_events c WHERE c.session_id = s.id"
                        + " AND c.outcome = 'LATE_CAPTURE'))");
        long total = sql.sum("SELECT COUNT(*) FROM payment_sessions s" + where.sql(), where.params());
        List<LatePayment> rows = sql.list("SELECT s.id, s.checkout_id, s.checkout_number, s.method, s.amount_vnd, s.received_vnd, "
                        + "s.expires_at, s.paid_at, (SELECT r.id FROM refunds r WHERE " + LATE_REFUND
                        + " ORDER BY r.requested_at LIMIT 1) AS refund_id, (SELECT r.state FROM refunds r WHERE " + LATE_REFUND
                        + " ORDER BY r.requested_at LIMIT 1) AS refund_state FROM payment_sessions s" + where.sql()
                        + " ORDER BY s.paid_at DESC, s.id LIMIT " + limit,
                rs -> new LatePayment(Sql.uuid(rs, "id"), Sql.uuid(rs, "checkout_id"), rs.getString("checkout_number"),
                        rs.getString("method"), rs.getLong("amount_vnd"), rs.getLong("received_vnd"), Sql.instant(rs, "expires_at"),
                        Sql.instant(rs, "paid_at"), local(Sql.instant(rs, "paid_at")), Sql.uuid(rs, "refund_id"),
                        rs.getString("refund_state")), where.params());
        return new Capped<>(total, rows);
    }

    private Capped<QueryMismatch> queryMismatches(Instant from, Instant to, PaymentMethod method, int limit) {
        if (method != null && method != PaymentMethod.VNPAY) {
            return Capped.none();
        }
        var where = new Where().is("q.last_outcome", "AMOUNT_MISMATCH").window("q.last_queried_at", from, to);
        long total = sql.sum("SELECT COUNT(*) FROM vnpay_queries q" + where.sql(), where.params());
        List<QueryMismatch> rows = sql.list("SELECT q.session_id, q.last_code, q.last_queried_at, s.txn_ref, s.checkout_number, "
                        + "s.amount_vnd, s.state FROM vnpay_queries q JOIN payment_sessions s ON s.id = q.session_id" + where.sql()
                        + " ORDER BY q.last_queried_at DESC, q.session_id LIMIT " + limit,
                rs -> new QueryMismatch(Sql.uuid(rs, "session_id"), rs.getString("txn_ref"), rs.getString("checkout_number"),
                        rs.getLong("amount_vnd"), rs.getString("state"), rs.getString("last_code"),
                        Sql.instant(rs, "last_queried_at")), where.params());
        return new Capped<>(total, rows);
    }

    private Capped<UnmatchedTransfer> unmatched(Instant from, Instant to, PaymentMethod method, int limit) {
        if (method != null && method != PaymentMethod.VIETQR) {
            return Capped.none();
        }
        var where = new Where().is("outcome", "UNMATCHED").window("received_at", from, to);
        long total = sql.sum("SELECT COUNT(*) FROM bank_transfers" + where.sql(), where.params());
        List<UnmatchedTransfer> rows = sql.list("SELECT id, source, transaction_id, amount_vnd, description, transferred_at, "
                        + "received_at FROM bank_transfers" + where.sql() + " ORDER BY received_at DESC, id LIMIT " + limit,
                rs -> new UnmatchedTransfer(Sql.uuid(rs, "id"), rs.getString("source"), rs.getString("transaction_id"),
                        rs.getLong("amount_vnd"), rs.getString("description"), Sql.instant(rs, "transferred_at"),
                        Sql.instant(rs, "received_at"), local(Sql.instant(rs, "received_at"))), where.params());
        return new Capped<>(total, rows);
    }

    /** The amount an IPN carried, whole dong, or null when its query has none readable. */
    static Long notifiedVnd(@Nullable String rawQuery) {
        if (rawQuery == null) {
            return null;
        }
        Matcher m = VNP_AMOUNT.matcher(rawQuery);
        if (!m.find()) {
            return null;
        }
        try {
            return Long.parseLong(m.group(1)) / 100;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static java.time.OffsetDateTime local(@Nullable Instant at) {
        return at == null ? null : at.atZone(VietnamTime.ZONE).toOffsetDateTime();
    }

    /** A WHERE clause of fixed column names (never the caller's text) and bound values. */
    private static final class Where {
        private final List<String> conditions = new ArrayList<>();
        private final List<Object> params = new ArrayList<>();

        Where is(String column, Object value) {
            conditions.add(column + " = ?");
            params.add(value);
            return this;
        }

        Where window(String column, @Nullable Instant from, @Nullable Instant to) {
            if (from != null) {
                conditions.add(column + " >= ?");
                params.add(from);
            }
            if (to != null) {
                conditions.add(column + " < ?");
                params.add(to);
            }
            return this;
        }

        Where method(String column, @Nullable PaymentMethod method) {
            return method == null ? this : is(column, method.name());
        }

        Where and(String condition) {
            conditions.add(condition);
            return this;
        }

        String sql() {
            return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        }

        Object[] params() {
            return params.toArray();
        }
    }
}
