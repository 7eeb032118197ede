package vn.ocop.catalog.report;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import vn.ocop.catalog.report.ReportQueries.SellerMonth;
import vn.ocop.catalog.report.ReportViews.Coverage;
import vn.ocop.catalog.report.ReportViews.CoverageRow;

/**
 * The province's open data: anonymised aggregates anybody may download, with nothing about a person or a single
 * business. Coverage counts certificates, which the registry publishes anyway. Sales and payments come from the sellers'
 * month totals and are disclosed only for cells of at least {@link #MIN_SELLERS} sellers; where a cell is withheld and
 * its total is shown, more cells are withheld, smallest first, until the withheld ones hold at least as many sellers
 * together (else the total is withheld too), so that no cell can be worked out by subtracting the others from the total.
 */
@Singleton
class OpenData {

    static final int MIN_SELLERS = 3;
    static final int MAX_MONTHS = 36;
    static final String LICENCE = "CC-BY-4.0";
    static final String PUBLISHER = "Sở Công Thương – sàn thương mại điện tử OCOP";
    static final String ALL = "ALL";

    private final ReportQueries queries;
    private final ReportKeys keys;

    OpenData(ReportQueries queries, ReportKeys keys) {
        this.queries = queries;
        this.keys = keys;
    }

    /** Certified products and those online, by province, by commune and by stars. */
    @Serdeable
    record CoverageData(String dataset, String licence, String publisher, String asOf, @Nullable String province,
                        int targetPercent, List<CoverageCell> rows) {
    }

    @Serdeable
    record CoverageCell(String level, String code, String name, long certified, long online, @Nullable BigDecimal percent) {
    }

    /** Net sales of a month in a province (level PROVINCE) or one of its communes (level COMMUNE). */
    @Serdeable
    record SalesCell(String month, String level, String provinceCode, String province, @Nullable String communeCode,
                     @Nullable String commune, boolean withheld, @Nullable Long sellers, @Nullable Long orders,
                     @Nullable Long units, @Nullable Long goodsVnd) {
    }

    @Serdeable
    record SalesData(String dataset, String licence, String publisher, String from, String to, @Nullable String province,
                     int minSellersPerCell, List<SalesCell> rows) {
    }

    /**
     * How a month's sold orders in a province were paid: one row per method, and one ({@code method} ALL) for all of
     * them with the cashless share, which is shown only where the cash-on-delivery row is (it follows from it).
     */
    @Serdeable
    record PaymentCell(String month, String provinceCode, String province, String method, String methodName,
                       boolean withheld, @Nullable Long sellers, @Nullable Long orders, @Nullable Long valueVnd,
                       @Nullable BigDecimal percentOfOrders, @Nullable BigDecimal percentOfValue,
                       @Nullable BigDecimal cashlessPercentOfOrders, @Nullable BigDecimal cashlessPercentOfValue) {
    }

    @Serdeable
    record PaymentsData(String dataset, String licence, String publisher, String from, String to, @Nullable String province,
                        int minSellersPerCell, List<PaymentCell> rows) {
    }

    CoverageData coverage(@Nullable String province) {
        YearMonth unused = YearMonth.of(2000, 1); // coverage is as things stand now: it reads no period
        ReportFilter f = filter(province, unused, unused);
        List<CoverageCell> rows = new ArrayList<>();
        Coverage byProvince = queries.coverage(f, "province");
        cells(rows, "PROVINCE", byProvince.rows());
        cells(rows, "COMMUNE", queries.coverage(f, "commune").rows());
        cells(rows, "STARS", queries.coverage(f, "stars").rows());
        return new CoverageData("ocop-coverage", LICENCE, PUBLISHER, byProvince.asOf().toString(), province,
                ReportViews.TARGET_PERCENT, rows);
    }

    private static void cells(List<CoverageCell> rows, String level, List<CoverageRow> from) {
        from.forEach(r -> rows.add(new CoverageCell(level, r.key().code(), r.key().name(), r.certified(), r.online(),
                r.percent())));
    }

    SalesData sales(@Nullable String province, YearMonth from, YearMonth to) {
        List<SalesCell> rows = new ArrayList<>();
        groups(queries.sellerMonths(province, from, to), SellerMonth::commune).forEach((group, cells) -> {
            Cell total = cells.total;
            rows.add(salesCell(group, "PROVINCE", null, total));
            cells.children.forEach((commune, cell) -> rows.add(salesCell(group, "COMMUNE", commune, cell)));
        });
        return new SalesData("ocop-sales", LICENCE, PUBLISHER, from.toString(), to.toString(), province, MIN_SELLERS, rows);
    }

    private SalesCell salesCell(Group group, String level, @Nullable String commune, Cell cell) {
        boolean shown = !cell.withheld;
        return new SalesCell(group.month().toString(), level, group.province(), keys.key("province", group.province()).name(),
                commune, commune == null ? null : keys.key("commune", commune).name(), cell.withheld,
                shown ? (long) cell.sellers.size() : null, shown ? cell.orders : null, shown ? cell.units : null,
                shown ? cell.goodsVnd : null);
    }

    PaymentsData payments(@Nullable String province, YearMonth from, YearMonth to) {
        List<PaymentCell> rows = new ArrayList<>();
        groups(queries.sellerMonths(province, from, to), SellerMonth::method).forEach((group, cells) -> {
            Cell total = cells.total;
            Cell cash = cells.children.get("COD");
            boolean shareShown = !total.withheld && (cash == null || !cash.withheld);
            long cashOrders = cash == null ? 0 : cash.orders;
            long cashValue = cash == null ? 0 : cash.totalVnd;
            rows.add(paymentCell(group, ALL, total, null,
                    shareShown ? ReportViews.percent(total.orders - cashOrders, total.orders) : null,
                    shareShown ? ReportViews.percent(total.totalVnd - cashValue, total.totalVnd) : null));
            cells.children.forEach((method, cell) -> rows.add(paymentCell(group, method, cell, total, null, null)));
        });
        return new PaymentsData("ocop-payments", LICENCE, PUBLISHER, from.toString(), to.toString(), province, MIN_SELLERS, rows);
    }

    private PaymentCell paymentCell(Group group, String method, Cell cell, @Nullable Cell total,
                                    @Nullable BigDecimal cashlessOfOrders, @Nullable BigDecimal cashlessOfValue) {
        boolean shown = !cell.withheld;
        boolean share = shown && total != null && !total.withheld;
        return new PaymentCell(group.month().toString(), group.province(), keys.key("province", group.province()).name(),
                method, ALL.equals(method) ? "Tất cả" : ReportKeys.methodName(method), cell.withheld,
                shown ? (long) cell.sellers.size() : null, shown ? cell.orders : null, shown ? cell.totalVnd : null,
                share ? ReportViews.percent(cell.orders, total.orders) : null,
                share ? ReportViews.percent(cell.totalVnd, total.totalVnd) : null, cashlessOfOrders, cashlessOfValue);
    }

    private ReportFilter filter(@Nullable String province, YearMonth from, YearMonth to) {
        return new ReportFilter(province, null, null, null, null, null, from, to);
    }

    // --- cells and their protection ---

    /** A month in a province. */
    record Group(YearMonth month, String province) implements Comparable<Group> {
        private static final Comparator<Group> ORDER = Comparator.comparing(Group::month).thenComparing(Group::province);

        @Override
        public int compareTo(Group other) {
            return ORDER.compare(this, other);
        }
    }

    /** What some sellers sold, and who they are (to count them, never to show them). */
    static final class Cell {
        final Set<String> sellers = new HashSet<>();
        long orders;
        long units;
        long goodsVnd;
        long totalVnd;
        boolean withheld;

        void add(SellerMonth row) {
            sellers.add(row.sellerId());
            orders += row.orders();
            units += row.units();
            goodsVnd += row.goodsVnd();
            totalVnd += row.totalVnd();
        }
    }

    /** A group's total and its cells by the key that splits it (commune or method). */
    static final class Cells {
        final Cell total = new Cell();
        final Map<String, Cell> children = new TreeMap<>();
    }

    /** The rows summed by month and province, and within each by {@code split}, then protected. */
    static Map<Group, Cells> groups(List<SellerMonth> rows, Function<SellerMonth, String> split) {
        Map<Group, Cells> groups = new TreeMap<>();
        for (SellerMonth row : rows) {
            Cells cells = groups.computeIfAbsent(new Group(row.month(), row.province()), g -> new Cells());
            cells.total.add(row);
            cells.children.computeIfAbsent(split.apply(row), k -> new Cell()).add(row);
        }
        groups.values().forEach(cells -> protect(cells.total, cells.children.values()));
        return groups;
    }

    /**
     * Withholds every cell of fewer than {@link #MIN_SELLERS} sellers; then, while the total is shown and the withheld
     * cells together hold fewer than that many sellers, withholds the smallest cell still shown, or else the total.
     */
    static void protect(Cell total, Collection<Cell> children) {
        children.forEach(c -> c.withheld = c.sellers.size() < MIN_SELLERS);
        total.withheld = total.sellers.size() < MIN_SELLERS;
        Set<String> hidden = new HashSet<>();
        children.stream().filter(c -> c.withheld).forEach(c -> hidden.addAll(c.sellers));
        while (!total.withheld && !hidden.isEmpty() && hidden.size() < MIN_SELLERS) {
            Cell next = children.stream().filter(c -> !c.withheld).min(Comparator.comparingInt(c -> c.sellers.size()))
                    .orElse(null);
            if (next == null) {
                total.withheld = true;
            } else {
                next.withheld = true;
                hidden.addAll(next.sellers);
            }
        }
    }
}
