package vn.ocop.catalog.report;

import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import vn.ocop.orders.api.OrderCancelled;
import vn.ocop.orders.api.OrderConfirmed;
import vn.ocop.orders.api.OrderPaid;
import vn.ocop.orders.api.OrderShipped;
import vn.ocop.orders.api.OrdersEvents;
import vn.ocop.payments.api.PaymentsEvents;
import vn.ocop.payments.api.RefundCompleted;
import vn.ocop.platform.consumer.EventDispatcher;
import vn.ocop.platform.event.EventEnvelope;
import vn.ocop.platform.problem.ProblemException;
import vn.ocop.traceability.api.LabelsPrinted;
import vn.ocop.traceability.api.LotRecalled;
import vn.ocop.traceability.api.LotRegistered;
import vn.ocop.traceability.api.ScanFlagged;
import vn.ocop.traceability.api.TraceabilityEvents;

/**
 * Rebuilds the event-fed report tables from scratch: empties them, then replays orders', payments' and traceability's
 * streams from their first message through the same {@link ReportProjection} the handlers use. Live events handled
 * meanwhile do no harm: every projection step is idempotent, so an event applied live and again by the replay counts
 * once. The result is complete as long as the streams still hold every event (they are capped at about a million
 * messages each by default, {@code ocop.events.relay.max-stream-length}). The daily coverage history is not event-fed
 * and is kept.
 */
@Singleton
class ReportRebuild {

    private static final List<String> TABLES = List.of("report_orders", "report_order_lines", "report_seller_months",
            "report_product_months", "report_shipped_units", "report_trace_months", "report_lots", "report_label_prints",
            "report_scan_flags", "report_refunds");
    private static final int PAGE = 500;

    /** What a rebuild went through. */
    @Serdeable
    record Result(long messagesRead, long eventsApplied) {
    }

    private final StatefulRedisConnection<String, String> redis;
    private final EventDispatcher dispatcher;
    private final JsonMapper json;
    private final ReportProjection projection;
    private final TransactionOperations<Connection> transactions;
    private final AtomicBoolean running = new AtomicBoolean();

    ReportRebuild(StatefulRedisConnection<String, String> redis, EventDispatcher dispatcher, JsonMapper json,
                  ReportProjection projection, TransactionOperations<Connection> transactions) {
        this.redis = redis;
        this.dispatcher = dispatcher;
        this.json = json;
        this.projection = projection;
        this.transactions = transactions;
    }

    Result rebuild() {
        if (!running.compareAndSet(false, true)) {
            throw ProblemException.conflict("report_rebuild_running", "A rebuild of the reports is already running");
        }
        try {
            transactions.executeWrite(status -> {
                for (String table : TABLES) {
                    try (var statement = status.getConnection().createStatement()) {
                        statement.executeUpdate("DELETE FROM " + table);
                    } catch (SQLException e) {
                        throw new IllegalStateException("cannot empty " + table, e);
                    }
                }
                return null;
            });
            long[] counts = new long[2];
            for (String stream : List.of(OrdersEvents.STREAM, PaymentsEvents.STREAM, TraceabilityEvents.STREAM)) {
                replay(stream, counts);
            }
            return new Result(counts[0], counts[1]);
        } finally {
            running.set(false);
        }
    }

    private void replay(String stream, long[] counts) {
        Range.Boundary<String> from = Range.Boundary.unbounded();
        while (true) {
            List<StreamMessage<String, String>> page = redis.sync().xrange(stream, Range.from(from, Range.Boundary.unbounded()),
                    Limit.create(0, PAGE));
            if (page.isEmpty()) {
                return;
            }
            transactions.executeWrite(status -> {
                for (StreamMessage<String, String> message : page) {
                    counts[0]++;
                    String body = message.getBody() == null ? null : message.getBody().get("envelope");
                    if (body != null && apply(dispatcher.parse(body))) {
                        counts[1]++;
                    }
                }
                return null;
            });
            from = Range.Boundary.excluding(page.getLast().getId());
        }
    }

    private boolean apply(EventEnvelope e) {
        switch (e.type()) {
            case OrderPaid.TYPE -> {
                OrderPaid p = read(e, OrderPaid.class);
                projection.sold(p.orderId(), p.checkoutId(), p.sellerId(), p.paymentMethod(), p.totalVnd(), p.paidAt(), p.lines());
            }
            case OrderConfirmed.TYPE -> {
                OrderConfirmed c = read(e, OrderConfirmed.class);
                projection.sold(c.orderId(), c.checkoutId(), c.sellerId(), c.paymentMethod(), c.totalVnd(), c.confirmedAt(),
                        c.lines());
            }
            case OrderCancelled.TYPE -> projection.cancelled(read(e, OrderCancelled.class));
            case OrderShipped.TYPE -> projection.shipped(read(e, OrderShipped.class));
            case RefundCompleted.TYPE -> projection.refunded(read(e, RefundCompleted.class));
            case LotRegistered.TYPE -> projection.lotRegistered(read(e, LotRegistered.class));
            case LabelsPrinted.TYPE -> projection.labelsPrinted(e.id(), read(e, LabelsPrinted.class));
            case LotRecalled.TYPE -> projection.lotRecalled(read(e, LotRecalled.class));
            case ScanFlagged.TYPE -> projection.scanFlagged(read(e, ScanFlagged.class));
            default -> {
                return false;
            }
        }
        return true;
    }

    private <T> T read(EventEnvelope envelope, Class<T> type) {
        try {
            return json.readValueFromTree(envelope.data(), type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + envelope.type() + " " + envelope.id(), e);
        }
    }
}
