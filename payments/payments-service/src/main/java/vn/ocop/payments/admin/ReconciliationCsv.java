package vn.ocop.payments.admin;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import vn.ocop.payments.admin.Reconciliation.Capped;
import vn.ocop.platform.time.VietnamTime;

/**
 * The reconciliation view as one CSV table for a spreadsheet: RFC 4180 in UTF-8 (commons-csv quotes what needs it), a
 * header row, then one row per figure, its {@code section} naming the part of the view it comes from. The columns are
 * shared by all sections; a section leaves empty what it has not:
 * <ul>
 *   <li>{@code view}: when the view was made ({@code time_local}), the method asked for ({@code method}) and the window
 *       ({@code detail});</li>
 *   <li>{@code sessions}: method, state, count, amount_vnd asked, received_vnd taken by the providers;</li>
 *   <li>{@code collected}: method, cashless, count, amount_vnd collected;</li>
 *   <li>{@code refunds}: state, count, amount_vnd; {@code pending_refunds}: the same for those still owed, with the oldest
 *       request's time and its age in seconds ({@code detail});</li>
 *   <li>{@code totals}: how many rows each capped list below has in all ({@code count}), the list's name in
 *       {@code detail};</li>
 *   <li>{@code amount_mismatches}: the session's amount_vnd and the amount the IPN notified (received_vnd), the
 *       notification's id as {@code reference};</li>
 *   <li>{@code repeated_notifications}: the session's state, how many IPNs were answered 02 ({@code count}), the last
 *       one's time, the first one's in {@code detail};</li>
 *   <li>{@code late_payments}: the payment, the refund orders asked for ({@code reference}) and its state
 *       ({@code detail});</li>
 *   <li>{@code query_amount_mismatches}: the session, the last query's time and VNPay's codes ({@code detail});</li>
 *   <li>{@code unmatched_transfers}: the source that notified it and its transaction id ({@code reference}, e.g.
 *       {@code casso/FT25327419051}), and the transfer's description ({@code detail}).</li>
 * </ul>
 * Times are in Viet Nam's time with their offset. Text that a spreadsheet would read as a formula (it starts with
 * {@code = + - @}, a tab or a carriage return; a transfer's description is whatever the buyer typed) is written after
 * a {@code '}.
 */
final class ReconciliationCsv {

    static final String[] HEADER = {"section", "method", "state", "cashless", "count", "amount_vnd", "received_vnd", "txn_ref",
        "session_id", "checkout_number", "reference", "time_local", "detail"};
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private ReconciliationCsv() {
    }

    /** The file's name: the time the view was made, in Viet Nam. */
    static String fileName(Reconciliation view) {
        return "ocop-reconciliation-" + FILE_TIME.format(local(view.generatedAt())) + ".csv";
    }

    static String write(Reconciliation view) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(HEADER).get())) {
            var csv = new Rows(printer);
            csv.row("view", view.method(), null, null, null, null, null, null, null, null, null, local(view.generatedAt()),
                    "from " + orOpen(view.fromLocal()) + " to " + orOpen(view.toLocal()));
            for (var s : view.sessions()) {
                csv.row("sessions", s.method(), s.state(), null, s.count(), s.amountVnd(), s.receivedVnd(), null, null, null, null,
                        null, null);
            }
            for (var c : view.collected()) {
                csv.row("collected", c.method(), null, c.cashless(), c.count(), c.amountVnd(), null, null, null, null, null, null, null);
            }
            for (var r : view.refunds()) {
                csv.row("refunds", null, r.state(), null, r.count(), r.amountVnd(), null, null, null, null, null, null, null);
            }
            var pending = view.pendingRefunds();
            csv.row("pending_refunds", null, "REQUESTED", null, pending.count(), pending.amountVnd(), null, null, null, null, null,
                    pending.oldestRequestedAtLocal(), pending.oldestAgeSeconds());
            total(csv, "amount_mismatches", view.amountMismatches());
            total(csv, "repeated_notifications", view.repeatedNotifications());
            total(csv, "late_payments", view.latePayments());
            total(csv, "query_amount_mismatches", view.queryAmountMismatches());
            total(csv, "unmatched_transfers", view.unmatchedTransfers());
            for (var m : view.amountMismatches().rows()) {
                csv.row("amount_mismatches", "VNPAY", null, null, null, m.sessionAmountVnd(), m.notifiedAmountVnd(), m.txnRef(),
                        m.sessionId(), m.checkoutNumber(), m.notificationId(), m.receivedAtLocal(), null);
            }
            for (var n : view.repeatedNotifications().rows()) {
                csv.row("repeated_notifications", "VNPAY", n.sessionState(), null, n.count(), null, null, n.txnRef(), n.sessionId(),
                        n.checkoutNumber(), null, local(n.lastAt()), "first " + local(n.firstAt()));
            }
            for (var l : view.latePayments().rows()) {
                csv.row("late_payments", l.method(), "SUCCEEDED", null, null, l.amountVnd(), l.receivedVnd(), null, l.sessionId(),
                        l.checkoutNumber(), l.refundId(), l.paidAtLocal(), l.refundState());
            }
            for (var q : view.queryAmountMismatches().rows()) {
                csv.row("query_amount_mismatches", "VNPAY", q.sessionState(), null, null, q.amountVnd(), null, q.txnRef(),
                        q.sessionId(), q.checkoutNumber(), null, local(q.lastQueriedAt()), q.lastCode());
            }
            for (var t : view.unmatchedTransfers().rows()) {
                csv.row("unmatched_transfers", "VIETQR", null, null, null, t.amountVnd(), null, null, null, null,
                        t.source() + "/" + t.transactionId(), t.receivedAtLocal(), t.description());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void total(Rows csv, String list, Capped<?> capped) throws IOException {
        csv.row("totals", null, null, null, capped.total(), null, null, null, null, null, null, null, list);
    }

    private static OffsetDateTime local(Instant at) {
        return at == null ? null : at.atZone(VietnamTime.ZONE).toOffsetDateTime();
    }

    private static String orOpen(OffsetDateTime at) {
        return at == null ? "(open)" : at.toString();
    }

    /** Writes rows, turning each value into its cell: numbers and booleans as they are, text made safe to open. */
    private record Rows(CSVPrinter printer) {

        void row(Object... cells) throws IOException {
            if (cells.length != HEADER.length) {
                throw new IllegalArgumentException("a row of " + cells.length + " cells: " + Arrays.toString(cells));
            }
            List<Object> values = new ArrayList<>(cells.length);
            for (Object cell : cells) {
                values.add(switch (cell) {
                    case null -> null;
                    case Number n -> n;
                    case Boolean b -> b;
                    default -> inert(cell.toString());
                });
            }
            printer.printRecord(values);
        }

        private static String inert(String text) {
            return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
        }
    }
}
