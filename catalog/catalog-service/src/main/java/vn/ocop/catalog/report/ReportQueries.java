package vn.ocop.catalog.report;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Interner;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.ConnectionDefinition;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.exceptions.DataAccessException;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.LongStream;
import vn.ocop.catalog.Sql;
import vn.ocop.catalog.report.ReportViews.CertificateDue;
import vn.ocop.catalog.report.ReportViews.CertificatesDue;
import vn.ocop.catalog.report.ReportViews.Coverage;
import vn.ocop.catalog.report.ReportViews.CoverageDay;
import vn.ocop.catalog.report.ReportViews.CoverageHistory;
import vn.ocop.catalog.report.ReportViews.CoverageRow;
import vn.ocop.catalog.report.ReportViews.Gap;
import vn.ocop.catalog.report.ReportViews.GapReason;
import vn.ocop.catalog.report.ReportViews.Gaps;
import vn.ocop.catalog.report.ReportViews.HelperRow;
import vn.ocop.catalog.report.ReportViews.Helpers;
import vn.ocop.catalog.report.ReportViews.MethodShare;
import vn.ocop.catalog.report.ReportViews.PaymentMix;
import vn.ocop.catalog.report.ReportViews.Sales;
import vn.ocop.catalog.report.ReportViews.SalesRow;
import vn.ocop.catalog.report.ReportViews.SellerCount;
import vn.ocop.catalog.report.ReportViews.Sellers;
import vn.ocop.catalog.report.ReportViews.Traceability;
import vn.ocop.platform.time.VietnamTime;

/**
 * The indicators, read on one connection outside any transaction. Coverage, certificates, sellers and helpers are read
 * from catalog's own tables as they are now; sales, payments and traceability from the report tables that the
 * {@link ReportProjection} keeps.
 */
@Singleton
class ReportQueries {

    /** Ways to group coverage, and the certificate column of each. */
    static final Map<String, String> COVERAGE_BY = orderedMap("commune", "c.commune_code", "legacyDistrict",
            "c.legacy_district_code", "stars", "c.stars", "group", "c.ocop_group", "province", "c.province_code");
    /** Ways to group sales: those answered from the seller-month totals, and those needing the product-month ones. */
    static final Map<String, String> SALES_BY = orderedMap("commune", "commune_code", "legacyDistrict",
            "legacy_district_code", "sellerType", "seller_type", "month", "month", "province", "province_code",
            "product", "product_id", "stars", "stars", "group", "ocop_group");
    private static final Set<String> PRODUCT_GROUPINGS = Set.of("product", "stars", "group");

    /** A certificate valid on a day (two parameters: the day twice). */
    private static final String VALID = "c.status = 'VALID' AND c.issued_on <= ? AND c.expires_on >= ?";
    /** A certificate with an approved product on sale and in stock. */
    private static final String ONLINE = "EXISTS (SELECT 1 FROM products p JOIN listings l ON l.product_id = p.id "
            + "WHERE p.certificate_id = c.id AND p.certificate_status = 'APPROVED' AND l.in_stock)";
    private static final String LISTED = "(SELECT COUNT(*) FROM products p JOIN listings l ON l.product_id = p.id "
            + "WHERE p.certificate_id = c.id AND p.certificate_status = 'APPROVED')";

    private final ConnectionOperations<Connection> connections;
    private final ReportKeys keys;
    private final Clock clock;
    /** Month parts of sales breakdowns (see {@link #sales}), weighed by their keys; null when turned off. */
    private final @Nullable Cache<MonthKey, MonthPart> salesMonths;
    /** Whole answers (see {@link #sales}); null when turned off. */
    private final @Nullable Cache<AnswerKey, Answer> answers;
    /** The sums of a period's months but the latest (see {@link #sales}); null when turned off. */
    private final @Nullable Cache<PeriodKey, Earlier> earliers;
    /** One instance of each key (product ids above all) however many months hold it. */
    private final Interner<String> salesKeys = Interner.newWeakInterner();

    ReportQueries(ConnectionOperations<Connection> connections, ReportKeys keys, Clock clock,
                  @Value("${ocop.catalog.reports.cache.ttl:10m}") Duration cacheTtl,
                  @Value("${ocop.catalog.reports.cache.max-keys:1000000}") long cacheKeys) {
        this.connections = connections;
        this.keys = keys;
        this.clock = clock;
        this.salesMonths = cacheTtl.isZero() ? null : Caffeine.newBuilder().expireAfterAccess(cacheTtl)
                .maximumWeight(cacheKeys).weigher((MonthKey k, MonthPart part) -> part.keys().length + 1).build();
        this.answers = cacheTtl.isZero() ? null : Caffeine.newBuilder().expireAfterAccess(cacheTtl)
                .maximumWeight(cacheKeys).weigher((AnswerKey k, Answer a) -> a.rows().size() + 1).build();
        this.earliers = cacheTtl.isZero() ? null : Caffeine.newBuilder().expireAfterAccess(cacheTtl)
                .maximumWeight(cacheKeys).weigher((PeriodKey k, Earlier e) -> e.sums().size() + 1).build();
    }

    LocalDate today() {
        return VietnamTime.today(clock);
    }

    /** The certificates a filter selects (place, stars, group; seller type through the sellers of their products). */
    private static Sql.Conditions certificates(ReportFilter f) {
        return new Sql.Conditions()
                .and(f.province() != null, "c.province_code = ?", f.province())
                .and(f.commune() != null, "c.commune_code = ?", f.commune())
                .and(f.legacyDistrict() != null, "c.legacy_district_code = ?", f.legacyDistrict())
                .and(f.stars() != null, "c.stars = ?", f.stars())
                .and(f.group() != null, "c.ocop_group = ?", f.group())
                .and(f.sellerType() != null, "EXISTS (SELECT 1 FROM products p JOIN sellers s ON s.id = p.seller_id "
                        + "WHERE p.certificate_id = c.id AND p.certificate_status = 'APPROVED' AND s.seller_type = ?)",
                        f.sellerType());
    }

    Coverage coverage(ReportFilter f, String by) {
        LocalDate today = today();
        String column = COVERAGE_BY.get(by);
        Sql sql = new Sql().append("SELECT " + column + " AS k, COUNT(*) AS certified, SUM(" + ONLINE + ") AS online "
                + "FROM ocop_certificates c").where(certificates(f).and(true, VALID, today, today))
                .append(" GROUP BY k ORDER BY k");
        List<CoverageRow> rows = list(sql, rs -> CoverageRow.of(keys.key(by, rs.getString(1)), rs.getLong(2), rs.getLong(3)));
        long certified = rows.stream().mapToLong(CoverageRow::certified).sum();
        long online = rows.stream().mapToLong(CoverageRow::online).sum();
        return new Coverage(f.province(), today, ReportViews.TARGET_PERCENT, certified, online, certified - online,
                ReportViews.percent(online, certified), by, rows);
    }

    /** Today's coverage by every dimension at once, as {@link CoverageHistory} keeps it. */
    List<Object[]> coverageCells(LocalDate day) {
        Sql sql = new Sql().append("SELECT c.province_code, COALESCE(c.commune_code, ''), COALESCE(c.legacy_district_code, ''), "
                + "c.stars, c.ocop_group, COUNT(*), SUM(" + ONLINE + ") FROM ocop_certificates c")
                .where(new Sql.Conditions().and(true, VALID, day, day))
                .append(" GROUP BY 1, 2, 3, 4, 5");
        return list(sql, rs -> new Object[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
            rs.getString(5), rs.getLong(6), rs.getLong(7)});
    }

    CoverageHistory coverageHistory(ReportFilter f, LocalDate from, LocalDate to) {
        Sql sql = new Sql().append("SELECT day, SUM(certified), SUM(online) FROM report_coverage_days")
                .where(new Sql.Conditions()
                        .and(f.province() != null, "province_code = ?", f.province())
                        .and(f.commune() != null, "commune_code = ?", f.commune())
                        .and(f.legacyDistrict() != null, "legacy_district_code = ?", f.legacyDistrict())
                        .and(f.stars() != null, "stars = ?", f.stars())
                        .and(f.group() != null, "ocop_group = ?", f.group())
                        .and(true, "day BETWEEN ? AND ?", from, to))
                .append(" GROUP BY day ORDER BY day");
        List<CoverageDay> days = list(sql, rs -> new CoverageDay(rs.getDate(1).toLocalDate(), rs.getLong(2), rs.getLong(3),
                ReportViews.percent(rs.getLong(3), rs.getLong(2))));
        return new CoverageHistory(f.province(), from, to, ReportViews.TARGET_PERCENT, days);
    }

    /** Certified products not online, by certificate number, a page after {@code after}. */
    Gaps gaps(ReportFilter f, @Nullable String after, int limit) {
        LocalDate today = today();
        Sql.Conditions where = certificates(f).and(true, VALID, today, today).and(true, "NOT " + ONLINE);
        long total = single(new Sql().append("SELECT COUNT(*) FROM ocop_certificates c").where(where));
        Sql sql = new Sql().append("SELECT c.number, c.product_name, c.subject_name, c.subject_code, c.stars, c.ocop_group, "
                + "c.commune_code, c.legacy_district_code, c.expires_on, p.id, p.status, s.id, s.display_name, s.phone, "
                + "s.status, EXISTS (SELECT 1 FROM products q WHERE q.certificate_id = c.id AND q.certificate_status = 'CLAIMED') "
                + "FROM ocop_certificates c "
                + "LEFT JOIN products p ON p.id = (SELECT q.id FROM products q WHERE q.certificate_id = c.id "
                + "AND q.certificate_status = 'APPROVED' ORDER BY q.updated_at DESC, q.id LIMIT 1) "
                + "LEFT JOIN sellers s ON s.id = COALESCE(p.seller_id, (SELECT b.id FROM sellers b "
                + "WHERE b.business_code = c.subject_code ORDER BY b.created_at, b.id LIMIT 1))")
                .where(where.and(after != null, "c.number > ?", after))
                .append(" ORDER BY c.number LIMIT ?", limit + 1);
        List<Gap> items = list(sql, rs -> {
            String productStatus = rs.getString(11);
            GapReason reason;
            if (productStatus == null) {
                reason = rs.getBoolean(16) ? GapReason.CLAIM_PENDING : GapReason.NOT_LINKED;
            } else if (!"VERIFIED".equals(rs.getString(15))) {
                reason = GapReason.SELLER_NOT_VERIFIED;
            } else if (!"PUBLISHED".equals(productStatus)) {
                reason = GapReason.NOT_PUBLISHED;
            } else {
                reason = GapReason.OUT_OF_STOCK;
            }
            return new Gap(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5), rs.getString(6),
                    keys.commune(rs.getString(7)), keys.legacyDistrict(rs.getString(8)), rs.getDate(9).toLocalDate(), reason,
                    uuid(rs.getString(10)), uuid(rs.getString(12)), rs.getString(13), rs.getString(14));
        });
        boolean more = items.size() > limit;
        List<Gap> page = more ? items.subList(0, limit) : items;
        return new Gaps(f.province(), total, List.copyOf(page), more ? page.getLast().certificateNumber() : null);
    }

    CertificatesDue certificatesDue(ReportFilter f, int withinDays, int limit) {
        LocalDate today = today();
        String columns = "SELECT c.number, c.product_name, c.subject_name, c.stars, c.ocop_group, c.commune_code, "
                + "c.expires_on, c.status, " + LISTED + " FROM ocop_certificates c";
        List<CertificateDue> expiring = list(new Sql().append(columns)
                .where(certificates(f).and(true, "c.status = 'VALID' AND c.expires_on BETWEEN ? AND ?", today,
                        today.plusDays(withinDays)))
                .append(" ORDER BY c.expires_on, c.number LIMIT ?", limit), rs -> due(rs, today));
        List<CertificateDue> expired = list(new Sql().append(columns)
                .where(certificates(f).and(true, "(c.status = 'REVOKED' OR c.expires_on < ?)", today)
                        .and(true, LISTED + " > 0"))
                .append(" ORDER BY c.expires_on, c.number LIMIT ?", limit), rs -> due(rs, today));
        return new CertificatesDue(f.province(), today, withinDays, expiring, expired);
    }

    private CertificateDue due(ResultSet rs, LocalDate today) throws SQLException {
        LocalDate expires = rs.getDate(7).toLocalDate();
        return new CertificateDue(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5),
                keys.commune(rs.getString(6)), expires, ChronoUnit.DAYS.between(today, expires), rs.getString(8), rs.getLong(9));
    }

    /**
     * Net sales, by {@code by}. Every request reads the period's month totals, month by month, each with a fingerprint
     * of the rows it adds up (their number and an XOR of a checksum of each row's key and sums). The breakdown, which may
     * add up hundreds of thousands of product-month rows, is kept month by month: a month's part is reused while its
     * fingerprint is the same, and only the months whose totals changed since (a sale, a cancellation, a rebuild; as a
     * rule the current month alone) are added up again, before answering. The months before the latest are kept summed
     * too, so that a sale this month costs adding up this month and one pass over the earlier sums; and the whole answer
     * is kept, and given again while no month of the period changed. What is unread for
     * {@code ocop.catalog.reports.cache.ttl} (10 min by default; 0 keeps none) are dropped, and at most
     * {@code ocop.catalog.reports.cache.max-keys} keys are kept in all. Product names are read with each answer.
     */
    Sales sales(ReportFilter f, String by, int limit) {
        boolean productTotals = f.stars() != null || f.group() != null;
        String rowChecksum = productTotals
                ? "CRC32(CONCAT_WS(',', month, product_id, orders, units, goods_vnd))"
                : "CRC32(CONCAT_WS(',', month, seller_id, payment_method, orders, units, goods_vnd, total_vnd))";
        // the totals from the seller-month rows when they apply, so that an order of several products counts once
        Map<LocalDate, long[]> months = new LinkedHashMap<>();
        list(new Sql().append("SELECT month, SUM(orders), SUM(units), SUM(goods_vnd), COUNT(*), BIT_XOR(" + rowChecksum
                        + ") FROM " + (productTotals ? "report_product_months" : "report_seller_months"))
                        .where(f.where("", true, productTotals, true)).append(" GROUP BY month ORDER BY month"),
                rs -> months.put(rs.getDate(1).toLocalDate(), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4),
                    rs.getLong(5), rs.getLong(6)}));
        long[] total = new long[3];
        months.values().forEach(m -> {
            total[0] += m[0];
            total[1] += m[1];
            total[2] += m[2];
        });
        long[] fingerprint = fingerprint(months);
        AnswerKey question = new AnswerKey(f, by, limit);
        Answer answer = answers == null ? null : answers.getIfPresent(question);
        if (answer == null || !Arrays.equals(answer.fingerprint(), fingerprint)) {
            answer = new Answer(fingerprint, breakdown(f, by, limit, months));
            if (answers != null) {
                answers.put(question, answer);
            }
        }
        return new Sales(f.province(), f.from().toString(), f.to().toString(), by,
                new SalesRow(new ReportViews.Key("", "Tổng"), total[0], total[1], total[2]),
                "product".equals(by) ? named(answer.rows()) : answer.rows());
    }

    /** The rows of a sales answer, added up from the months' parts. */
    private List<SalesRow> breakdown(ReportFilter f, String by, int limit, Map<LocalDate, long[]> months) {
        if (months.isEmpty()) {
            return List.of();
        }
        // the months before the latest, summed once and kept while they hold; the latest month, where sales go on, apart
        Map<LocalDate, long[]> earlier = new LinkedHashMap<>(months);
        LocalDate latest = new ArrayList<>(months.keySet()).getLast();
        long[] latestTotals = earlier.remove(latest);
        long[] print = fingerprint(earlier);
        PeriodKey period = new PeriodKey(f, by);
        Earlier sums = earliers == null ? null : earliers.getIfPresent(period);
        if (sums == null || !Arrays.equals(sums.fingerprint(), print)) {
            Map<String, long[]> added = new HashMap<>();
            monthParts(f, by, earlier).forEach(part -> part.addTo(added));
            sums = new Earlier(print, added);
            if (earliers != null) {
                earliers.put(period, sums);
            }
        }
        Map<String, long[]> now = new HashMap<>();
        monthParts(f, by, Map.of(latest, latestTotals)).getFirst().addTo(now);
        List<Summed> rows = new ArrayList<>(sums.sums().size() + now.size());
        sums.sums().forEach((key, before) -> {
            long[] more = now.remove(key);
            rows.add(more == null ? new Summed(key, before[0], before[1], before[2])
                    : new Summed(key, before[0] + more[0], before[1] + more[1], before[2] + more[2]));
        });
        now.forEach((key, more) -> rows.add(new Summed(key, more[0], more[1], more[2])));
        Comparator<Summed> order = "product".equals(by)
                ? Comparator.comparingLong((Summed r) -> -r.goods()).thenComparing(Summed::key)
                : Comparator.comparing(Summed::key);
        return rows.stream().sorted(order).limit(limit)
                .map(r -> new SalesRow(keys.key(by, r.key()), r.orders(), r.units(), r.goods())).toList();
    }

    /** A key's sums over the period, before the rows that are shown are named. */
    private record Summed(String key, long orders, long units, long goods) {
    }

    private static long[] fingerprint(Map<LocalDate, long[]> months) {
        return months.entrySet().stream().flatMapToLong(m -> LongStream.of(m.getKey().toEpochDay(), m.getValue()[3],
                m.getValue()[4])).toArray();
    }

    /** A sales question without its limit: the months before the latest are summed once for it. */
    private record PeriodKey(ReportFilter filter, String by) {
    }

    /** The sums of the months before the latest, and the fingerprint of those months. */
    private record Earlier(long[] fingerprint, Map<String, long[]> sums) {
    }

    /** A sales question (filter, grouping, limit), and its last answer with the months' fingerprints it holds for. */
    private record AnswerKey(ReportFilter filter, String by, int limit) {
    }

    private record Answer(long[] fingerprint, List<SalesRow> rows) {
    }

    /** The breakdown of each month that has sales: reused while its fingerprint holds, else added up again. */
    private List<MonthPart> monthParts(ReportFilter f, String by, Map<LocalDate, long[]> months) {
        List<MonthPart> parts = new ArrayList<>();
        List<LocalDate> stale = new ArrayList<>();
        months.forEach((month, totals) -> {
            MonthPart part = salesMonths == null ? null : salesMonths.getIfPresent(MonthKey.of(f, by, month));
            if (part != null && part.rows() == totals[3] && part.checksum() == totals[4]) {
                parts.add(part);
            } else {
                stale.add(month);
            }
        });
        if (stale.isEmpty()) {
            return parts;
        }
        boolean byProduct = PRODUCT_GROUPINGS.contains(by) || f.stars() != null || f.group() != null;
        Map<LocalDate, Map<String, long[]>> computed = new HashMap<>();
        list(new Sql().append("SELECT month, " + SALES_BY.get(by) + " AS k, SUM(orders), SUM(units), SUM(goods_vnd) FROM "
                        + (byProduct ? "report_product_months" : "report_seller_months"))
                        .where(f.where("", true, byProduct, false)
                                .and(true, "month IN (" + "?, ".repeat(stale.size() - 1) + "?)", stale.toArray()))
                        .append(" GROUP BY month, k"),
                rs -> computed.computeIfAbsent(rs.getDate(1).toLocalDate(), m -> new LinkedHashMap<>())
                        .put(rs.getString(2) == null ? "" : salesKeys.intern(rs.getString(2)),
                                new long[] {rs.getLong(3), rs.getLong(4), rs.getLong(5)}));
        for (LocalDate month : stale) {
            long[] totals = months.get(month);
            MonthPart part = MonthPart.of(totals[3], totals[4], computed.getOrDefault(month, Map.of()));
            if (salesMonths != null) {
                salesMonths.put(MonthKey.of(f, by, month), part);
            }
            parts.add(part);
        }
        return parts;
    }

    /** A month's sales breakdown for a filter (its period set aside) and a grouping. */
    private record MonthKey(@Nullable String province, @Nullable String commune, @Nullable String legacyDistrict,
                            @Nullable Integer stars, @Nullable String group, @Nullable String sellerType, String by,
                            LocalDate month) {
        static MonthKey of(ReportFilter f, String by, LocalDate month) {
            return new MonthKey(f.province(), f.commune(), f.legacyDistrict(), f.stars(), f.group(), f.sellerType(), by, month);
        }
    }

    /**
     * A month's breakdown, key by key, and the fingerprint of the month totals it was added up from: their number of
     * rows and the XOR of their checksums.
     */
    private record MonthPart(long rows, long checksum, String[] keys, long[] orders, long[] units, long[] goods) {
        static MonthPart of(long rows, long checksum, Map<String, long[]> sums) {
            int n = sums.size();
            MonthPart part = new MonthPart(rows, checksum, new String[n], new long[n], new long[n], new long[n]);
            int i = 0;
            for (Map.Entry<String, long[]> e : sums.entrySet()) {
                part.keys[i] = e.getKey();
                part.orders[i] = e.getValue()[0];
                part.units[i] = e.getValue()[1];
                part.goods[i++] = e.getValue()[2];
            }
            return part;
        }

        void addTo(Map<String, long[]> sums) {
            for (int i = 0; i < keys.length; i++) {
                long[] row = sums.computeIfAbsent(keys[i], k -> new long[3]);
                row[0] += orders[i];
                row[1] += units[i];
                row[2] += goods[i];
            }
        }
    }

    /** Product rows named after the products. */
    private List<SalesRow> named(List<SalesRow> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        Sql sql = new Sql().append("SELECT id, name FROM products WHERE id IN (" + "?, ".repeat(rows.size() - 1) + "?)",
                rows.stream().map(r -> r.key().code()).toArray());
        Map<String, String> names = new LinkedHashMap<>();
        list(sql, rs -> names.put(rs.getString(1), rs.getString(2)));
        return rows.stream().map(r -> new SalesRow(new ReportViews.Key(r.key().code(),
                names.getOrDefault(r.key().code(), r.key().code())), r.orders(), r.units(), r.goodsVnd())).toList();
    }

    PaymentMix payments(ReportFilter f) {
        Map<String, long[]> byMethod = new LinkedHashMap<>();
        for (String method : List.of("VNPAY", "VIETQR", "CARD", "COD")) {
            byMethod.put(method, new long[3]);
        }
        list(new Sql().append("SELECT payment_method, SUM(orders), SUM(total_vnd) FROM report_seller_months")
                .where(f.where("", true, false, true)).append(" GROUP BY payment_method"), rs -> {
                    long[] sums = byMethod.computeIfAbsent(rs.getString(1), m -> new long[3]);
                    sums[0] = rs.getLong(2);
                    sums[1] = rs.getLong(3);
                    return null;
                });
        list(new Sql().append("SELECT r.payment_method, SUM(r.amount_vnd) FROM report_refunds r "
                        + "JOIN report_orders o ON o.order_id = r.order_id")
                .where(f.where("o.", true, false, true)).append(" GROUP BY r.payment_method"), rs -> {
                    byMethod.computeIfAbsent(rs.getString(1), m -> new long[3])[2] = rs.getLong(2);
                    return null;
                });
        long orders = byMethod.values().stream().mapToLong(s -> s[0]).sum();
        long value = byMethod.values().stream().mapToLong(s -> s[1]).sum();
        long cashOrders = byMethod.get("COD")[0];
        long cashValue = byMethod.get("COD")[1];
        List<MethodShare> methods = byMethod.entrySet().stream().map(e -> new MethodShare(e.getKey(),
                !"COD".equals(e.getKey()), e.getValue()[0], e.getValue()[1], ReportViews.percent(e.getValue()[0], orders),
                ReportViews.percent(e.getValue()[1], value), e.getValue()[2])).toList();
        return new PaymentMix(f.province(), f.from().toString(), f.to().toString(), orders, value, orders - cashOrders, value - cashValue,
                ReportViews.percent(orders - cashOrders, orders), ReportViews.percent(value - cashValue, value), methods);
    }

    /** A seller's net sales of a month by one payment method, where the seller was then. */
    record SellerMonth(YearMonth month, String province, String commune, String method, String sellerId, long orders,
                       long units, long goodsVnd, long totalVnd) {
    }

    /** Every seller's net sales month by month and method in a province (or all), leaving out what nets to nothing. */
    List<SellerMonth> sellerMonths(@Nullable String province, YearMonth from, YearMonth to) {
        return list(new Sql().append("SELECT month, province_code, commune_code, payment_method, seller_id, orders, units, "
                        + "goods_vnd, total_vnd FROM report_seller_months")
                .where(new Sql.Conditions().and(province != null, "province_code = ?", province)
                        .and(true, "month BETWEEN ? AND ?", from.atDay(1), to.atDay(1))
                        .and(true, "(orders <> 0 OR goods_vnd <> 0)")),
                rs -> new SellerMonth(YearMonth.from(rs.getDate(1).toLocalDate()), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9)));
    }

    Sellers sellers(ReportFilter f) {
        Sql sql = new Sql().append("SELECT s.seller_type, s.status, COUNT(*), "
                + "SUM(EXISTS (SELECT 1 FROM listings l WHERE l.seller_id = s.id)) FROM sellers s")
                .where(f.where("s.", true, false, false)).append(" GROUP BY s.seller_type, s.status ORDER BY 1, 2");
        List<SellerCount> rows = list(sql, rs -> new SellerCount(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)));
        return new Sellers(f.province(), rows.stream().mapToLong(SellerCount::sellers).sum(),
                rows.stream().filter(r -> "VERIFIED".equals(r.status())).mapToLong(SellerCount::sellers).sum(),
                rows.stream().mapToLong(SellerCount::sellingOnline).sum(), rows);
    }

    Helpers helpers(ReportFilter f) {
        Sql sql = new Sql().append("SELECT a.actor_id, MAX(h.display_name), COUNT(DISTINCT a.seller_id), "
                + "COUNT(DISTINCT CASE WHEN a.action = 'PROFILE_UPDATED' THEN a.seller_id END), "
                + "SUM(a.action = 'PRODUCT_CREATED'), SUM(a.action = 'PRODUCT_PUBLISHED'), COUNT(*) "
                + "FROM seller_activity a JOIN sellers s ON s.id = a.seller_id LEFT JOIN helpers h ON h.id = a.actor_id")
                .where(f.where("s.", true, false, false).and(true, "a.actor_role = 'HELPER'")
                        .and(true, "a.acted_at >= ? AND a.acted_at < ?", start(f), end(f)))
                .append(" GROUP BY a.actor_id ORDER BY COUNT(*) DESC, a.actor_id");
        List<HelperRow> rows = list(sql, rs -> new HelperRow(UUID.fromString(rs.getString(1)), rs.getString(2), rs.getLong(3),
                rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7)));
        return new Helpers(f.province(), f.from().toString(), f.to().toString(), rows);
    }

    Traceability traceability(ReportFilter f) {
        long sold = single(new Sql().append("SELECT COALESCE(SUM(units), 0) FROM report_seller_months")
                .where(f.where("", true, false, true)));
        long[] shipped = new long[2];
        list(new Sql().append("SELECT COALESCE(SUM(shipped_units), 0), COALESCE(SUM(traced_units), 0) FROM report_trace_months")
                .where(f.where("", true, false, true)), rs -> {
                    shipped[0] = rs.getLong(1);
                    shipped[1] = rs.getLong(2);
                    return null;
                });
        Sql.Conditions lots = new Sql.Conditions()
                .and(f.province() != null, "l.province_code = ?", f.province())
                .and(f.commune() != null, "l.commune_code = ?", f.commune());
        long[] lotCounts = new long[2];
        list(new Sql().append("SELECT COUNT(*), COALESCE(SUM(l.labels > 0), 0) FROM report_lots l")
                .where(lots.and(true, "l.registered_at >= ? AND l.registered_at < ?", start(f), end(f))), rs -> {
                    lotCounts[0] = rs.getLong(1);
                    lotCounts[1] = rs.getLong(2);
                    return null;
                });
        long recalled = single(new Sql().append("SELECT COUNT(*) FROM report_lots l").where(new Sql.Conditions()
                .and(f.province() != null, "l.province_code = ?", f.province())
                .and(f.commune() != null, "l.commune_code = ?", f.commune())
                .and(true, "l.recalled_at >= ? AND l.recalled_at < ?", start(f), end(f))));
        Map<String, Long> flags = new LinkedHashMap<>();
        list(new Sql().append("SELECT f.kind, COUNT(*) FROM report_scan_flags f LEFT JOIN report_lots l ON l.lot_code = f.lot_code")
                .where(new Sql.Conditions()
                        .and(f.province() != null, "f.province_code = ?", f.province())
                        .and(f.commune() != null, "l.commune_code = ?", f.commune())
                        .and(true, "f.flagged_at >= ? AND f.flagged_at < ?", start(f), end(f)))
                .append(" GROUP BY f.kind ORDER BY f.kind"), rs -> flags.put(rs.getString(1), rs.getLong(2)));
        return new Traceability(f.province(), f.from().toString(), f.to().toString(), sold, shipped[0], shipped[1],
                ReportViews.percent(shipped[1], shipped[0]), lotCounts[0], lotCounts[1],
                ReportViews.percent(lotCounts[1], lotCounts[0]), recalled, flags.values().stream().mapToLong(Long::longValue).sum(),
                flags);
    }

    private static Instant start(ReportFilter f) {
        return f.fromDay().atStartOfDay(VietnamTime.ZONE).toInstant();
    }

    private static Instant end(ReportFilter f) {
        return f.to().plusMonths(1).atDay(1).atStartOfDay(VietnamTime.ZONE).toInstant();
    }

    @FunctionalInterface
    interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> List<T> list(Sql sql, RowReader<T> reader) {
        return connections.execute(ConnectionDefinition.DEFAULT, status -> {
            try (PreparedStatement statement = sql.prepare(status.getConnection()); ResultSet rs = statement.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(reader.read(rs));
                }
                return rows;
            } catch (SQLException e) {
                throw new DataAccessException("reading a report failed", e);
            }
        });
    }

    private long single(Sql sql) {
        return list(sql, rs -> rs.getLong(1)).getFirst();
    }

    private static @Nullable UUID uuid(@Nullable String text) {
        return text == null ? null : UUID.fromString(text);
    }

    private static Map<String, String> orderedMap(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }
}
