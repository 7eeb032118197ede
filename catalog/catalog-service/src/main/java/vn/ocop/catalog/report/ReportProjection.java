package vn.ocop.catalog.report;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.ocop.orders.api.CheckoutPlaced;
import vn.ocop.orders.api.OrderCancelled;
import vn.ocop.orders.api.OrderShipped;
import vn.ocop.payments.api.PaymentMethod;
import vn.ocop.payments.api.RefundCompleted;
import vn.ocop.platform.time.VietnamTime;
import vn.ocop.traceability.api.LabelsPrinted;
import vn.ocop.traceability.api.LotRecalled;
import vn.ocop.traceability.api.LotRegistered;
import vn.ocop.traceability.api.ScanFlagged;

/**
 * Folds orders', payments' and traceability's events into the report tables, inside the handler's transaction (the
 * same one that records the event in the inbox). Every step is idempotent by itself, so the streams can also be replayed
 * over emptied tables ({@link ReportRebuild}) and a duplicate delivery changes nothing.
 */
@Singleton
public class ReportProjection {

    private static final Logger LOG = LoggerFactory.getLogger(ReportProjection.class);

    private final ReportRows rows;

    ReportProjection(ReportRows rows) {
        this.rows = rows;
    }

    /** A seller order was sold: paid (cashless) or confirmed (cash on delivery). */
    public void sold(UUID orderId, UUID checkoutId, UUID sellerId, PaymentMethod method, long totalVnd, Instant soldAt,
                     List<CheckoutPlaced.Line> lines) {
        Map<UUID, long[]> byProduct = new LinkedHashMap<>();
        for (CheckoutPlaced.Line line : lines) {
            long[] sum = byProduct.computeIfAbsent(line.productId(), p -> new long[2]);
            sum[0] += line.quantity();
            sum[1] += Math.multiplyExact(line.quantity(), line.unitPriceVnd());
        }
        int units = Math.toIntExact(byProduct.values().stream().mapToLong(s -> s[0]).sum());
        long goods = byProduct.values().stream().mapToLong(s -> s[1]).sum();
        LocalDate day = LocalDate.ofInstant(soldAt, VietnamTime.ZONE);
        if (rows.insertOrder(orderId, checkoutId, sellerId, method.name(), day.withDayOfMonth(1), units, goods, totalVnd,
                soldAt) == 0) {
            return;
        }
        byProduct.forEach((product, sum) -> {
            if (rows.insertLine(orderId, product, day, Math.toIntExact(sum[0]), sum[1]) == 0) {
                LOG.warn("order {} sold product {} that catalog does not know; left out of the product reports", orderId, product);
            }
        });
        rows.addSellerMonth(orderId, 1);
        rows.addProductMonths(orderId, 1);
    }

    /** A sold order was cancelled: its sale is taken back from the month it was counted in. */
    public void cancelled(OrderCancelled event) {
        if (event.stockSold() && rows.cancel(event.orderId(), event.cancelledAt()) == 1) {
            rows.addSellerMonth(event.orderId(), -1);
            rows.addProductMonths(event.orderId(), -1);
        }
    }

    /** A sold order shipped: its units count as shipped, and as traced when they name a lot traceability knows. */
    public void shipped(OrderShipped event) {
        if (rows.ship(event.orderId(), event.shippedAt()) == 0) {
            return;
        }
        for (OrderShipped.Line line : event.lines()) {
            String lot = line.lotCode() == null ? "" : line.lotCode();
            rows.insertShipped(event.orderId(), line.productId(), lot, line.quantity());
        }
        rows.addTraceMonth(event.orderId());
    }

    public void lotRegistered(LotRegistered event) {
        if (rows.insertLot(event.lotId(), event.lotCode(), event.productId(), event.sellerId(), event.registeredAt()) == 1) {
            rows.traceLateLot(event.lotCode());
            rows.markTraced(event.lotCode());
        }
    }

    public void labelsPrinted(UUID eventId, LabelsPrinted event) {
        if (rows.insertLabelPrint(eventId, event.lotId(), event.labels(), event.serials(), event.printedAt()) == 1) {
            rows.addLabels(event.lotId(), event.labels(), event.printedAt());
        }
    }

    public void lotRecalled(LotRecalled event) {
        rows.recall(event.lotId(), event.recalledAt(), event.reason(), event.causeLotCode());
    }

    public void scanFlagged(ScanFlagged event) {
        rows.insertScanFlag(event.signalId(), event.kind(), event.codeKey(), event.lotCode(), event.sellerId(),
                event.provinceCode(), event.flaggedAt());
    }

    public void refunded(RefundCompleted event) {
        rows.insertRefund(event.refundId(), event.checkoutId(), event.orderId(), event.method().name(), event.amountVnd(),
                event.completedAt());
    }
}
