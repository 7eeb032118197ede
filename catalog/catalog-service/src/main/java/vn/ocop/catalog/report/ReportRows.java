package vn.ocop.catalog.report;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The statements that fold events into the report tables. Each one is guarded so that applying an event twice changes
 * nothing: facts are inserted once (their key is the event's subject), and the aggregates move only when a fact does.
 */
@JdbcRepository(dialect = Dialect.MYSQL)
interface ReportRows extends GenericRepository<ReportOrder, UUID> {

    /** The sale of a seller order, with the seller's place and type as they are now; 0 if already recorded. */
    @Query("INSERT IGNORE INTO report_orders (order_id, checkout_id, seller_id, province_code, commune_code, "
            + "legacy_district_code, seller_type, payment_method, month, units, goods_vnd, total_vnd, sold_at) "
            + "SELECT :orderId, :checkoutId, s.id, s.province_code, s.commune_code, s.legacy_district_code, s.seller_type, "
            + ":method, :month, :units, :goodsVnd, :totalVnd, :soldAt FROM sellers s WHERE s.id = :sellerId")
    int insertOrder(UUID orderId, UUID checkoutId, UUID sellerId, String method, LocalDate month, int units, long goodsVnd,
                    long totalVnd, Instant soldAt);

    /** A line of a sold order, with its product's group and, when its certificate is approved and valid that day, stars. */
    @Query("INSERT IGNORE INTO report_order_lines (order_id, product_id, certificate_id, stars, ocop_group, units, goods_vnd) "
            + "SELECT :orderId, p.id, CASE WHEN p.certificate_status = 'APPROVED' THEN p.certificate_id END, "
            + "CASE WHEN p.certificate_status = 'APPROVED' AND c.status = 'VALID' AND c.expires_on >= :day THEN c.stars END, "
            + "p.ocop_group, :units, :goodsVnd FROM products p LEFT JOIN ocop_certificates c ON c.id = p.certificate_id "
            + "WHERE p.id = :productId")
    int insertLine(UUID orderId, UUID productId, LocalDate day, int units, long goodsVnd);

    /**
     * Adds ({@code sign} 1) or takes back (-1) an order in its month's seller totals. (The updated columns are named
     * with their table: the selected ones bear the same names.)
     */
    @Query("INSERT INTO report_seller_months (month, seller_id, payment_method, province_code, commune_code, "
            + "legacy_district_code, seller_type, orders, units, goods_vnd, total_vnd) "
            + "SELECT month, seller_id, payment_method, province_code, commune_code, legacy_district_code, seller_type, "
            + ":sign, :sign * units, :sign * goods_vnd, :sign * total_vnd FROM report_orders WHERE order_id = :orderId "
            + "ON DUPLICATE KEY UPDATE report_seller_months.orders = report_seller_months.orders + VALUES(orders), "
            + "report_seller_months.units = report_seller_months.units + VALUES(units), "
            + "report_seller_months.goods_vnd = report_seller_months.goods_vnd + VALUES(goods_vnd), "
            + "report_seller_months.total_vnd = report_seller_months.total_vnd + VALUES(total_vnd)")
    int addSellerMonth(UUID orderId, int sign);

    /** Adds (1) or takes back (-1) an order's lines in their month's product totals. */
    @Query("INSERT INTO report_product_months (month, product_id, seller_id, province_code, commune_code, "
            + "legacy_district_code, seller_type, stars, ocop_group, orders, units, goods_vnd) "
            + "SELECT o.month, l.product_id, o.seller_id, o.province_code, o.commune_code, o.legacy_district_code, "
            + "o.seller_type, l.stars, l.ocop_group, :sign, :sign * l.units, :sign * l.goods_vnd "
            + "FROM report_order_lines l JOIN report_orders o ON o.order_id = l.order_id WHERE l.order_id = :orderId "
            + "ON DUPLICATE KEY UPDATE report_product_months.orders = report_product_months.orders + VALUES(orders), "
            + "report_product_months.units = report_product_months.units + VALUES(units), "
            + "report_product_months.goods_vnd = report_product_months.goods_vnd + VALUES(goods_vnd)")
    int addProductMonths(UUID orderId, int sign);

    @Query("UPDATE report_orders SET cancelled_at = :at WHERE order_id = :orderId AND cancelled_at IS NULL")
    int cancel(UUID orderId, Instant at);

    @Query("UPDATE report_orders SET shipped_at = :at WHERE order_id = :orderId AND shipped_at IS NULL AND cancelled_at IS NULL")
    int ship(UUID orderId, Instant at);

    /** Shipped units of a product from one lot ('' for none), traced when traceability already announced the lot. */
    @Query("INSERT INTO report_shipped_units (order_id, product_id, lot_code, units, traced) "
            + "VALUES (:orderId, :productId, :lotCode, :units, "
            + ":lotCode <> '' AND EXISTS (SELECT 1 FROM report_lots WHERE lot_code = :lotCode)) "
            + "ON DUPLICATE KEY UPDATE units = units + VALUES(units)")
    int insertShipped(UUID orderId, UUID productId, String lotCode, int units);

    /** Adds a shipped order's units, and those traced, to its month's seller row. */
    @Query("INSERT INTO report_trace_months (month, seller_id, province_code, commune_code, legacy_district_code, "
            + "seller_type, shipped_units, traced_units) "
            + "SELECT o.month, o.seller_id, o.province_code, o.commune_code, o.legacy_district_code, o.seller_type, "
            + "SUM(u.units), SUM(CASE WHEN u.traced THEN u.units ELSE 0 END) "
            + "FROM report_shipped_units u JOIN report_orders o ON o.order_id = u.order_id WHERE u.order_id = :orderId "
            + "GROUP BY o.month, o.seller_id, o.province_code, o.commune_code, o.legacy_district_code, o.seller_type "
            + "ON DUPLICATE KEY UPDATE shipped_units = shipped_units + VALUES(shipped_units), "
            + "traced_units = traced_units + VALUES(traced_units)")
    int addTraceMonth(UUID orderId);

    /** A lot, placed where its seller is; 0 if already known. */
    @Query("INSERT IGNORE INTO report_lots (lot_id, lot_code, product_id, seller_id, province_code, commune_code, "
            + "registered_at, labels) SELECT :lotId, :lotCode, :productId, :sellerId, "
            + "(SELECT province_code FROM sellers WHERE id = :sellerId), (SELECT commune_code FROM sellers WHERE id = :sellerId), "
            + ":registeredAt, 0")
    int insertLot(UUID lotId, String lotCode, UUID productId, UUID sellerId, Instant registeredAt);

    /** Units shipped from a lot before the lot was announced now count as traced, in their months. */
    @Query("INSERT INTO report_trace_months (month, seller_id, province_code, commune_code, legacy_district_code, "
            + "seller_type, shipped_units, traced_units) "
            + "SELECT o.month, o.seller_id, o.province_code, o.commune_code, o.legacy_district_code, o.seller_type, 0, "
            + "SUM(u.units) FROM report_shipped_units u JOIN report_orders o ON o.order_id = u.order_id "
            + "WHERE u.lot_code = :lotCode AND NOT u.traced "
            + "GROUP BY o.month, o.seller_id, o.province_code, o.commune_code, o.legacy_district_code, o.seller_type "
            + "ON DUPLICATE KEY UPDATE traced_units = traced_units + VALUES(traced_units)")
    int traceLateLot(String lotCode);

    @Query("UPDATE report_shipped_units SET traced = TRUE WHERE lot_code = :lotCode AND NOT traced")
    int markTraced(String lotCode);

    @Query("INSERT IGNORE INTO report_label_prints (event_id, lot_id, labels, serials, printed_at) "
            + "VALUES (:eventId, :lotId, :labels, :serials, :printedAt)")
    int insertLabelPrint(UUID eventId, UUID lotId, int labels, boolean serials, Instant printedAt);

    @Query("UPDATE report_lots SET labels = labels + :labels, labelled_at = COALESCE(labelled_at, :printedAt) "
            + "WHERE lot_id = :lotId")
    int addLabels(UUID lotId, int labels, Instant printedAt);

    @Query("UPDATE report_lots SET recalled_at = :recalledAt, recall_reason = :reason, cause_lot_code = :causeLotCode "
            + "WHERE lot_id = :lotId AND recalled_at IS NULL")
    int recall(UUID lotId, Instant recalledAt, String reason, @Nullable String causeLotCode);

    @Query("INSERT IGNORE INTO report_scan_flags (signal_id, kind, code_key, lot_code, seller_id, province_code, flagged_at) "
            + "VALUES (:signalId, :kind, :codeKey, :lotCode, :sellerId, "
            + "COALESCE(:provinceCode, (SELECT province_code FROM sellers WHERE id = :sellerId)), :flaggedAt)")
    int insertScanFlag(UUID signalId, String kind, String codeKey, @Nullable String lotCode, @Nullable UUID sellerId,
                       @Nullable String provinceCode, Instant flaggedAt);

    @Query("INSERT IGNORE INTO report_refunds (refund_id, checkout_id, order_id, payment_method, amount_vnd, completed_at) "
            + "VALUES (:refundId, :checkoutId, :orderId, :method, :amountVnd, :completedAt)")
    int insertRefund(UUID refundId, UUID checkoutId, @Nullable UUID orderId, String method, long amountVnd, Instant completedAt);
}
