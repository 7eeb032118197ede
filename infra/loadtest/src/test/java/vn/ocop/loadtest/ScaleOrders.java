package vn.ocop.loadtest;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Brings catalog's sales read models to a benchmark's scale: {@code orders} sold seller orders (default 1,000,000) of
 * the province's verified sellers and published products, over the last {@code months} months (default 24), written
 * straight into {@code report_orders} and {@code report_order_lines}, with the month totals
 * ({@code report_seller_months}, {@code report_product_months}) derived from exactly those rows.
 *
 * <p>Why not through the services: a purchase is a saga across four services and about 90 ms of CPU on this machine
 * (see RESULTS.md), so a million of them would take some 14 hours. The reports read only these tables, so the loader
 * writes what {@code ReportProjection} would have written for such sales: the seller's place and type at the sale, one
 * line per product with its group and, while its approved certificate was valid that day, its stars; months of
 * Asia/Ho_Chi_Minh; totals that take back cancelled sales.
 *
 * <p>What the orders look like (fixed seed, so every run generates the same ones): a seller drawn from the sellers
 * with products on sale, with odds growing as the square root of its number of products (a seller of a thousand
 * products sells more than one of five, not two hundred times more), 1 to 3 different products of that seller
 * (60/30/10 %), the seller's first-listed products sold more often, 1 to 5 units each at the price of one of the
 * product's SKUs, a shipping fee by weight, payment VNPAY 40 %, VIETQR 30 %, CARD 10 %, COD 20 %, the months growing
 * from half to one and a half times the average, and 2 % of the sales cancelled within two days.
 *
 * <p>Idempotent: the loader's orders have ids of their own ({@value #ORDER_PREFIX}-..., numbered), written a chunk at
 * a time in one transaction with their totals, so a run continues where the last one stopped and a complete load adds
 * nothing. Settings are system properties: {@code orders}, {@code months}, {@code province} (92), {@code db.url},
 * {@code db.user}, {@code db.password}, plus those of {@link Settings} for the cross-check through the sales report.
 */
public final class ScaleOrders {

    static final String ORDER_PREFIX = "b5ca1e00-0000-4000-8000";
    private static final String CHECKOUT_PREFIX = "b5ca1e01-0000-4000-8000";
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final int CHUNK = 50_000;
    private static final int ROWS_PER_INSERT = 1_000;
    private static final long SEED = 20_251_124L;
    private static final String[] METHODS = {"VNPAY", "VIETQR", "CARD", "COD"};
    private static final int[] METHOD_PERCENT = {40, 30, 10, 20};

    record Seller(String id, String province, String commune, String legacyDistrict, String type, List<Product> products) {
    }

    record Product(String id, String group, String certificateId, String certificateStatus, LocalDate expiresOn,
                   Integer stars, List<long[]> skus) {

        /** The stars a sale shows, as the projection decides: an approved certificate still valid that day. */
        Integer starsOn(LocalDate day) {
            return certificateId != null && "VALID".equals(certificateStatus) && !expiresOn.isBefore(day) ? stars : null;
        }
    }

    private record Line(Product product, int units, long goods) {
    }

    private record Order(String id, String checkoutId, Seller seller, String method, LocalDate month, int units, long goods,
                         long total, Instant soldAt, Instant cancelledAt, List<Line> lines) {
    }

    private final int target = Integer.getInteger("orders", 1_000_000);
    private final int months = Integer.getInteger("months", 24);
    private final String province = System.getProperty("province", "92");
    private final YearMonth lastMonth = YearMonth.now(VIETNAM);
    private final Instant now = Instant.now();
    private final int[] monthWeights = new int[months];
    /** A seller's share of the orders grows with the square root of its products on sale. */
    private int[] sellerWeights;

    public static void main(String[] args) throws Exception {
        String url = System.getProperty("db.url", "jdbc:mariadb://127.0.0.1:3306/ocop_catalog");
        try (Connection db = DriverManager.getConnection(url + (url.contains("?") ? "&" : "?")
                        + "connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true",
                System.getProperty("db.user", "ocop_catalog"), System.getProperty("db.password", "ocop-catalog-dev"))) {
            var loader = new ScaleOrders();
            loader.load(db);
            loader.crossCheck(db);
        }
    }

    ScaleOrders() {
        // month weights rise linearly from 50 to 150 (oldest to newest): a market growing over the period
        for (int m = 0; m < months; m++) {
            monthWeights[m] = 50 + (months == 1 ? 50 : 100 * m / (months - 1));
        }
    }

    void load(Connection db) throws SQLException {
        long have = count(db, "SELECT COUNT(*) FROM report_orders WHERE order_id LIKE '" + ORDER_PREFIX + "-%'");
        System.out.printf(Locale.ROOT, "loader's orders already in report_orders: %,d of %,d%n", have, target);
        if (have >= target) {
            printCounts(db);
            return;
        }
        if (have % CHUNK != 0) {
            throw new IllegalStateException("the loader's orders stop at " + have + ", not at a chunk's end: they were not "
                    + "written by this loader (each chunk commits with its totals)");
        }
        List<Seller> sellers = sellers(db);
        int productCount = sellers.stream().mapToInt(s -> s.products().size()).sum();
        System.out.printf(Locale.ROOT, "province %s: %d verified sellers with %,d published products; months %s to %s%n",
                province, sellers.size(), productCount, lastMonth.minusMonths(months - 1), lastMonth);
        if (sellers.isEmpty()) {
            throw new IllegalStateException("no verified seller with a published product in province " + province
                    + ": fill the catalogue first (ScaleCatalog)");
        }
        sellerWeights = sellers.stream().mapToInt(s -> (int) Math.round(100 * Math.sqrt(s.products().size()))).toArray();
        db.setAutoCommit(false);
        long started = System.nanoTime();
        for (long from = have; from < target; from += CHUNK) {
            long to = Math.min(target, from + CHUNK);
            List<Order> orders = new ArrayList<>((int) (to - from));
            for (long i = from; i < to; i++) {
                orders.add(order(i, sellers));
            }
            insertOrders(db, orders);
            insertLines(db, orders);
            derive(db, id(ORDER_PREFIX, from), id(ORDER_PREFIX, to - 1));
            db.commit();
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf(Locale.ROOT, "%,d orders loaded (%,.0f orders/s)%n", to, (to - have) / seconds);
        }
        db.setAutoCommit(true);
        try (Statement s = db.createStatement()) {
            s.execute("ANALYZE TABLE report_orders, report_order_lines, report_seller_months, report_product_months");
        }
        printCounts(db);
    }

    /** The province's verified sellers that have published products, with those products and their SKUs' prices. */
    private List<Seller> sellers(Connection db) throws SQLException {
        Map<String, Seller> sellers = new LinkedHashMap<>();
        try (PreparedStatement q = db.prepareStatement("SELECT id, province_code, commune_code, legacy_district_code, "
                + "seller_type FROM sellers WHERE province_code = ? AND status = 'VERIFIED' ORDER BY created_at, id")) {
            q.setString(1, province);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    sellers.put(rs.getString(1), new Seller(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), new ArrayList<>()));
                }
            }
        }
        Map<String, Product> products = new LinkedHashMap<>();
        try (PreparedStatement q = db.prepareStatement("SELECT p.id, p.seller_id, p.ocop_group, "
                + "CASE WHEN p.certificate_status = 'APPROVED' THEN p.certificate_id END, c.status, c.expires_on, c.stars, "
                + "k.price_vnd, k.weight_grams FROM products p JOIN skus k ON k.product_id = p.id "
                + "LEFT JOIN ocop_certificates c ON c.id = p.certificate_id AND p.certificate_status = 'APPROVED' "
                + "WHERE p.status = 'PUBLISHED' ORDER BY p.created_at, p.id, k.position")) {
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    Seller seller = sellers.get(rs.getString(2));
                    if (seller == null) {
                        continue;
                    }
                    Product product = products.get(rs.getString(1));
                    if (product == null) {
                        product = new Product(rs.getString(1), rs.getString(3), rs.getString(4), rs.getString(5),
                                rs.getDate(6) == null ? null : rs.getDate(6).toLocalDate(),
                                rs.getObject(7) == null ? null : rs.getInt(7), new ArrayList<>());
                        products.put(product.id(), product);
                        seller.products().add(product);
                    }
                    product.skus().add(new long[] {rs.getLong(8), rs.getLong(9)});
                }
            }
        }
        return sellers.values().stream().filter(s -> !s.products().isEmpty()).toList();
    }

    /** Order number {@code i}: the same every run. */
    private Order order(long i, List<Seller> sellers) {
        SplittableRandom random = new SplittableRandom(SEED * 1_000_003L + i);
        Seller seller = sellers.get(pick(random, sellerWeights));
        int lineCount = Math.min(seller.products().size(), pick(random, new int[] {60, 30, 10}) + 1);
        List<Line> lines = new ArrayList<>(lineCount);
        long grams = 0;
        while (lines.size() < lineCount) {
            double u = random.nextDouble();
            Product product = seller.products().get((int) (u * u * seller.products().size())); // first-listed sell more
            if (lines.stream().anyMatch(l -> l.product() == product)) {
                continue;
            }
            long[] sku = product.skus().get(random.nextInt(product.skus().size()));
            int units = pick(random, new int[] {50, 25, 12, 8, 5}) + 1;
            grams += sku[1] * units;
            lines.add(new Line(product, units, sku[0] * units));
        }
        YearMonth month = lastMonth.minusMonths(months - 1 - pick(random, monthWeights));
        Instant start = month.atDay(1).atStartOfDay(VIETNAM).toInstant();
        Instant end = month.plusMonths(1).atDay(1).atStartOfDay(VIETNAM).toInstant();
        if (end.isAfter(now)) {
            end = now;
        }
        Instant soldAt = start.plusMillis(random.nextLong(Math.max(1, Duration.between(start, end).toMillis())));
        Instant cancelledAt = random.nextInt(100) < 2 ? min(soldAt.plusSeconds(random.nextLong(3_600, 48 * 3_600)), now) : null;
        String method = METHODS[pick(random, METHOD_PERCENT)];
        long goods = lines.stream().mapToLong(Line::goods).sum();
        long shipping = 16_500 + 5_500 * Math.max(0, (grams - 1) / 1000); // whole dong: 16,500 for the first kg, then 5,500/kg
        return new Order(id(ORDER_PREFIX, i), id(CHECKOUT_PREFIX, i), seller, method, month.atDay(1),
                lines.stream().mapToInt(Line::units).sum(), goods, goods + shipping, soldAt, cancelledAt, lines);
    }

    private void insertOrders(Connection db, List<Order> orders) throws SQLException {
        String columns = "INSERT INTO report_orders (order_id, checkout_id, seller_id, province_code, commune_code, "
                + "legacy_district_code, seller_type, payment_method, month, units, goods_vnd, total_vnd, sold_at, cancelled_at) VALUES ";
        for (int from = 0; from < orders.size(); from += ROWS_PER_INSERT) {
            List<Order> rows = orders.subList(from, Math.min(orders.size(), from + ROWS_PER_INSERT));
            try (PreparedStatement insert = db.prepareStatement(columns + "(?,?,?,?,?,?,?,?,?,?,?,?,?,?),".repeat(rows.size() - 1)
                    + "(?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                int p = 0;
                for (Order o : rows) {
                    insert.setString(++p, o.id());
                    insert.setString(++p, o.checkoutId());
                    insert.setString(++p, o.seller().id());
                    insert.setString(++p, o.seller().province());
                    insert.setString(++p, o.seller().commune());
                    insert.setString(++p, o.seller().legacyDistrict());
                    insert.setString(++p, o.seller().type());
                    insert.setString(++p, o.method());
                    insert.setObject(++p, o.month());
                    insert.setInt(++p, o.units());
                    insert.setLong(++p, o.goods());
                    insert.setLong(++p, o.total());
                    insert.setObject(++p, utc(o.soldAt()));
                    insert.setObject(++p, o.cancelledAt() == null ? null : utc(o.cancelledAt()));
                }
                insert.executeUpdate();
            }
        }
    }

    private void insertLines(Connection db, List<Order> orders) throws SQLException {
        List<Object[]> lines = new ArrayList<>();
        for (Order o : orders) {
            LocalDate day = LocalDate.ofInstant(o.soldAt(), VIETNAM);
            for (Line l : o.lines()) {
                lines.add(new Object[] {o.id(), l.product().id(), l.product().certificateId(), l.product().starsOn(day),
                    l.product().group(), l.units(), l.goods()});
            }
        }
        String columns = "INSERT INTO report_order_lines (order_id, product_id, certificate_id, stars, ocop_group, units, "
                + "goods_vnd) VALUES ";
        for (int from = 0; from < lines.size(); from += ROWS_PER_INSERT) {
            List<Object[]> rows = lines.subList(from, Math.min(lines.size(), from + ROWS_PER_INSERT));
            try (PreparedStatement insert = db.prepareStatement(columns + "(?,?,?,?,?,?,?),".repeat(rows.size() - 1)
                    + "(?,?,?,?,?,?,?)")) {
                int p = 0;
                for (Object[] row : rows) {
                    for (Object value : row) {
                        insert.setObject(++p, value);
                    }
                }
                insert.executeUpdate();
            }
        }
    }

    /**
     * Adds the orders of one chunk (ids {@code first} to {@code last}), cancelled ones left out, to the month totals, as
     * {@code ReportRows.addSellerMonth}/{@code addProductMonths} do one order at a time (a cancellation takes back what
     * the sale added, so the net is the same).
     */
    private static void derive(Connection db, String first, String last) throws SQLException {
        try (PreparedStatement sellers = db.prepareStatement("INSERT INTO report_seller_months (month, seller_id, "
                + "payment_method, province_code, commune_code, legacy_district_code, seller_type, orders, units, goods_vnd, "
                + "total_vnd) SELECT month, seller_id, payment_method, province_code, commune_code, legacy_district_code, "
                + "seller_type, COUNT(*), SUM(units), SUM(goods_vnd), SUM(total_vnd) FROM report_orders "
                + "WHERE order_id BETWEEN ? AND ? AND cancelled_at IS NULL "
                + "GROUP BY month, seller_id, payment_method, province_code, commune_code, legacy_district_code, seller_type "
                + "ON DUPLICATE KEY UPDATE report_seller_months.orders = report_seller_months.orders + VALUES(orders), "
                + "report_seller_months.units = report_seller_months.units + VALUES(units), "
                + "report_seller_months.goods_vnd = report_seller_months.goods_vnd + VALUES(goods_vnd), "
                + "report_seller_months.total_vnd = report_seller_months.total_vnd + VALUES(total_vnd)");
             PreparedStatement products = db.prepareStatement("INSERT INTO report_product_months (month, product_id, "
                + "seller_id, province_code, commune_code, legacy_district_code, seller_type, stars, ocop_group, orders, units, "
                + "goods_vnd) SELECT o.month, l.product_id, o.seller_id, o.province_code, o.commune_code, "
                + "o.legacy_district_code, o.seller_type, l.stars, l.ocop_group, COUNT(*), SUM(l.units), SUM(l.goods_vnd) "
                + "FROM report_order_lines l JOIN report_orders o ON o.order_id = l.order_id "
                + "WHERE l.order_id BETWEEN ? AND ? AND o.cancelled_at IS NULL "
                + "GROUP BY o.month, l.product_id, o.seller_id, o.province_code, o.commune_code, o.legacy_district_code, "
                + "o.seller_type, l.stars, l.ocop_group "
                + "ON DUPLICATE KEY UPDATE report_product_months.orders = report_product_months.orders + VALUES(orders), "
                + "report_product_months.units = report_product_months.units + VALUES(units), "
                + "report_product_months.goods_vnd = report_product_months.goods_vnd + VALUES(goods_vnd)")) {
            for (PreparedStatement s : List.of(sellers, products)) {
                s.setString(1, first);
                s.setString(2, last);
                s.executeUpdate();
            }
        }
    }

    private void printCounts(Connection db) throws SQLException {
        String mine = " WHERE order_id LIKE '" + ORDER_PREFIX + "-%'";
        System.out.printf(Locale.ROOT, "report_orders: %,d rows (%,d the loader's, %,d of them cancelled)%n",
                count(db, "SELECT COUNT(*) FROM report_orders"), count(db, "SELECT COUNT(*) FROM report_orders" + mine),
                count(db, "SELECT COUNT(*) FROM report_orders" + mine + " AND cancelled_at IS NOT NULL"));
        System.out.printf(Locale.ROOT, "report_order_lines: %,d rows (%,d the loader's)%n",
                count(db, "SELECT COUNT(*) FROM report_order_lines"), count(db, "SELECT COUNT(*) FROM report_order_lines" + mine));
        System.out.printf(Locale.ROOT, "report_seller_months: %,d rows; report_product_months: %,d rows%n",
                count(db, "SELECT COUNT(*) FROM report_seller_months"), count(db, "SELECT COUNT(*) FROM report_product_months"));
    }

    /**
     * The sales report's total over the whole period, through the service, against a SUM over the facts (every sold,
     * not cancelled order of the province in those months, the loader's and any the services sold): they must agree.
     */
    void crossCheck(Connection db) throws SQLException {
        Settings settings = Settings.fromSystemProperties();
        String token = new BenchmarkMarket(settings).login(settings.officer(), settings.officerPassword()).token();
        YearMonth first = lastMonth.minusMonths(months - 1);
        var report = new JsonApi().get(settings.catalog() + "/api/v1/reports/sales?by=month&from=" + first + "&to=" + lastMonth,
                token).requireOk("the sales report").body().path("total");
        long[] facts = new long[3];
        try (PreparedStatement q = db.prepareStatement("SELECT COUNT(*), COALESCE(SUM(units), 0), COALESCE(SUM(goods_vnd), 0) "
                + "FROM report_orders WHERE province_code = ? AND month BETWEEN ? AND ? AND cancelled_at IS NULL")) {
            q.setString(1, province);
            q.setObject(2, first.atDay(1));
            q.setObject(3, lastMonth.atDay(1));
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                for (int c = 0; c < 3; c++) {
                    facts[c] = rs.getLong(c + 1);
                }
            }
        }
        long[] shown = {report.path("orders").asLong(), report.path("units").asLong(), report.path("goodsVnd").asLong()};
        System.out.printf(Locale.ROOT, "cross-check, province %s, %s to %s: sales report total orders %,d, units %,d, goods %,d VND%n",
                province, first, lastMonth, shown[0], shown[1], shown[2]);
        System.out.printf(Locale.ROOT, "cross-check, SUM over report_orders (sold, not cancelled):  orders %,d, units %,d, goods %,d VND%n",
                facts[0], facts[1], facts[2]);
        if (shown[0] != facts[0] || shown[1] != facts[1] || shown[2] != facts[2]) {
            throw new IllegalStateException("the sales report's total differs from the facts");
        }
        System.out.println("cross-check: equal");
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** An index drawn with the given weights. */
    private static int pick(SplittableRandom random, int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int r = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private static String id(String prefix, long i) {
        return String.format(Locale.ROOT, "%s-%012x", prefix, i);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** The session runs in UTC (as the services' connections do): a DATETIME holds the UTC wall time. */
    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
