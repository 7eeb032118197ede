package vn.ocop.catalog.report;

import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.ocop.catalog.report.ReportViews.CoverageDay;
import vn.ocop.catalog.report.ReportViews.CoverageRow;
import vn.ocop.catalog.report.ReportViews.MethodShare;
import vn.ocop.catalog.report.ReportViews.SalesRow;

/**
 * The office dashboard's charts as geometry: the template draws each as inline SVG from these numbers, so the page
 * needs no script and prints as it shows. Every chart keeps its values next to its shapes ({@code value}) for the
 * page's tooltips and tables.
 */
public final class DashboardCharts {

    /** Width of every chart's drawing, in SVG units. */
    public static final int WIDTH = 720;
    /** Where bars start: the names take the left of a bar chart. */
    public static final int LABEL_WIDTH = 230;
    /** The length of a full bar (100 %, or the largest value). */
    public static final int BAR_SPAN = 360;
    public static final int ROW_HEIGHT = 26;
    public static final int PLOT_HEIGHT = 160;
    /** Room under a plot for its axis labels, and above it for the target's label. */
    public static final int AXIS = 24;
    private static final Map<String, String> METHOD_COLOURS = Map.of(
            "VNPAY", "#005baa", "VIETQR", "#1a8f5a", "CARD", "#7b4fa0", "COD", "#b3aa9c");

    private DashboardCharts() {
    }

    /** One bar of a horizontal bar chart. */
    public record Bar(String code, String label, String value, int y, double width, String tone) {
    }

    /** A horizontal bar chart; {@code targetX} marks the target (100 %) where there is one. */
    public record Bars(int height, @Nullable Double targetX, List<Bar> bars) {
    }

    /** One column of a column chart. */
    public record Column(String label, String value, double x, double y, double width, double height) {
    }

    /** A horizontal grid line with its label. */
    public record Tick(double position, String label) {
    }

    public record Columns(int height, double baseline, List<Column> columns, List<Tick> ticks) {
    }

    /** A point of a line, with what it stands for. */
    public record Dot(double x, double y, String label) {
    }

    /** A line over days: {@code points} as SVG polyline points, the target's height, and the axes' labels. */
    public record Line(int height, double baseline, String points, List<Dot> dots, double targetY, List<Tick> days,
                       List<Tick> levels) {
    }

    /** One method's part of a stacked bar of 100 %. */
    public record Segment(String code, String label, String value, double x, double width, String colour) {
    }

    /**
     * Coverage rows as bars of their percent against the 100 % target, the furthest behind first (who needs help most),
     * toned low (under 50 %), mid (under 80 %) or high.
     */
    public static Bars coverage(List<CoverageRow> rows) {
        List<CoverageRow> sorted = rows.stream().filter(r -> r.certified() > 0)
                .sorted(Comparator.comparing((CoverageRow r) -> r.percent() == null ? BigDecimal.ZERO : r.percent())
                        .thenComparing(r -> r.key().name())).toList();
        List<Bar> bars = new ArrayList<>();
        for (CoverageRow r : sorted) {
            double percent = r.percent() == null ? 0 : r.percent().doubleValue();
            String tone = percent < 50 ? "low" : percent < 80 ? "mid" : "high";
            bars.add(new Bar(r.key().code(), r.key().name(), VnFormat.VN.count(r.online()) + "/" + VnFormat.VN.count(r.certified())
                    + " · " + VnFormat.VN.percent(r.percent()), bars.size() * ROW_HEIGHT, scale(percent, 100), tone));
        }
        return new Bars(bars.size() * ROW_HEIGHT, (double) LABEL_WIDTH + BAR_SPAN, bars);
    }

    /** Sales rows as bars of their goods value, the largest full length. */
    public static Bars goods(List<SalesRow> rows) {
        long max = rows.stream().mapToLong(SalesRow::goodsVnd).max().orElse(0);
        List<Bar> bars = new ArrayList<>();
        for (SalesRow r : rows) {
            bars.add(new Bar(r.key().code(), r.key().name(), VnFormat.VN.dong(r.goodsVnd()) + " · " + VnFormat.VN.count(r.units())
                    + " sp", bars.size() * ROW_HEIGHT, scale(r.goodsVnd(), max), "high"));
        }
        return new Bars(bars.size() * ROW_HEIGHT, null, bars);
    }

    /** Goods value month by month from {@code from} to {@code to}, months without sales at zero. */
    public static Columns months(List<SalesRow> rows, YearMonth from, YearMonth to) {
        Map<YearMonth, Long> goods = new HashMap<>();
        rows.forEach(r -> goods.put(YearMonth.parse(r.key().code().substring(0, 7)), r.goodsVnd()));
        int count = (int) ChronoUnit.MONTHS.between(from, to) + 1;
        long max = goods.values().stream().mapToLong(Long::longValue).max().orElse(0);
        double slot = (double) (WIDTH - LABEL_WIDTH / 2) / count;
        double left = LABEL_WIDTH / 2.0;
        double baseline = AXIS + PLOT_HEIGHT;
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            YearMonth month = from.plusMonths(i);
            long value = goods.getOrDefault(month, 0L);
            double height = max == 0 ? 0 : PLOT_HEIGHT * (double) value / max;
            columns.add(new Column(month.getMonthValue() + "/" + (month.getYear() % 100), VnFormat.VN.dong(value),
                    round(left + i * slot + slot * 0.15), round(baseline - height), round(slot * 0.7), round(height)));
        }
        List<Tick> ticks = List.of(new Tick(baseline, "0 ₫"), new Tick(AXIS, VnFormat.VN.dong(max)));
        return new Columns(AXIS + PLOT_HEIGHT + AXIS, baseline, columns, ticks);
    }

    /** Coverage day by day as a line against the 100 % target; days without a snapshot are left out. */
    public static Line history(List<CoverageDay> days, LocalDate from, LocalDate to) {
        long span = Math.max(1, ChronoUnit.DAYS.between(from, to));
        double left = LABEL_WIDTH / 2.0;
        double width = WIDTH - left - 10;
        double baseline = AXIS + PLOT_HEIGHT;
        List<Dot> dots = new ArrayList<>();
        StringBuilder points = new StringBuilder();
        for (CoverageDay d : days) {
            double percent = d.percent() == null ? 0 : d.percent().doubleValue();
            double x = round(left + width * ChronoUnit.DAYS.between(from, d.day()) / span);
            double y = round(baseline - PLOT_HEIGHT * percent / 100);
            dots.add(new Dot(x, y, VnFormat.VN.date(d.day()) + ": " + VnFormat.VN.count(d.online()) + "/"
                    + VnFormat.VN.count(d.certified()) + " · " + VnFormat.VN.percent(d.percent())));
            points.append(points.isEmpty() ? "" : " ").append(x).append(',').append(y);
        }
        List<Tick> dayTicks = List.of(new Tick(left, VnFormat.VN.date(from)), new Tick(left + width, VnFormat.VN.date(to)));
        List<Tick> levels = List.of(new Tick(baseline, "0 %"), new Tick(baseline - PLOT_HEIGHT / 2.0, "50 %"),
                new Tick(AXIS, "100 %"));
        return new Line(AXIS + PLOT_HEIGHT + AXIS, baseline, points.toString(), dots, AXIS, dayTicks, levels);
    }

    /** The methods' shares of a whole (by number of orders, or by value) as one stacked bar over the full width. */
    public static List<Segment> shares(List<MethodShare> methods, boolean byValue) {
        long whole = methods.stream().mapToLong(m -> byValue ? m.valueVnd() : m.orders()).sum();
        List<Segment> segments = new ArrayList<>();
        double x = LABEL_WIDTH;
        for (MethodShare m : methods) {
            long part = byValue ? m.valueVnd() : m.orders();
            if (part == 0) {
                continue;
            }
            double width = round((WIDTH - LABEL_WIDTH - 10) * (double) part / whole);
            BigDecimal percent = byValue ? m.percentOfValue() : m.percentOfOrders();
            segments.add(new Segment(m.method(), ReportKeys.methodName(m.method()),
                    (byValue ? VnFormat.VN.dong(part) : VnFormat.VN.count(part) + " đơn") + " · " + VnFormat.VN.percent(percent), x, width,
                    colour(m.method())));
            x = round(x + width);
        }
        return segments;
    }

    public static String colour(String method) {
        return METHOD_COLOURS.getOrDefault(method, "#888888");
    }

    private static double scale(double value, double full) {
        return full <= 0 ? 0 : round(BAR_SPAN * Math.min(value, full) / full);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
