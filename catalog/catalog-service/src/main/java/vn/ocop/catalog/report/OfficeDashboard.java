package vn.ocop.catalog.report;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Hidden;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import vn.ocop.catalog.locality.AdminUnits;
import vn.ocop.catalog.locality.Commune;
import vn.ocop.catalog.locality.Province;
import vn.ocop.catalog.registry.OcopGroup;
import vn.ocop.catalog.seller.SellerType;
import vn.ocop.catalog.report.ReportViews.Coverage;
import vn.ocop.catalog.report.ReportViews.Key;
import vn.ocop.catalog.report.ReportViews.PaymentMix;
import vn.ocop.catalog.report.ReportViews.Sales;
import vn.ocop.catalog.report.ReportViews.Sellers;
import vn.ocop.catalog.report.ReportViews.Traceability;
import vn.ocop.platform.security.BrowserSession;
import vn.ocop.platform.security.Caller;
import vn.ocop.platform.security.Roles;

/**
 * The trade office's dashboard: one server-rendered Vietnamese page at {@code /office} with the indicators of
 * {@link ReportController} for the officer's province (an admin chooses one, or sees the whole country), drawn as inline
 * SVG charts, the tables of who to help next and of certificates running out, and links to every indicator's CSV with
 * the same filters. Browsers reach it with the session cookie identity's login form sets; without one they are sent
 * to that form. Filters are those of the reports (commune, stars, group, seller type, months from/to) and are refused
 * the same way, as problem+json; the payment mix and traceability ignore stars and group, which they cannot split by.
 */
@Hidden
@Controller(BrowserSession.OFFICE_PATH)
@Secured({Roles.OFFICER, Roles.ADMIN})
class OfficeDashboard {

    static final int GAP_ROWS = 25;
    static final int DUE_ROWS = 50;
    static final int DUE_DAYS = 90;
    static final int TOP_PRODUCTS = 10;
    private static final String GAPS_CSV = "Sản phẩm OCOP chưa lên sàn";
    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    private static final String HTML = MediaType.TEXT_HTML + ";charset=utf-8";

    private final ReportFilters filters;
    private final ReportQueries queries;
    private final ReportKeys keys;
    private final AdminUnits units;
    private final TemplateEngine templates;
    private final Clock clock;
    private final String logoutUrl;
    private final String contentSecurityPolicy;

    OfficeDashboard(ReportFilters filters, ReportQueries queries, ReportKeys keys, AdminUnits units, TemplateEngine templates,
                    Clock clock, @Value("${ocop.web.login-origin:}") String loginOrigin) {
        this.filters = filters;
        this.queries = queries;
        this.keys = keys;
        this.units = units;
        this.templates = templates;
        this.clock = clock;
        String origin = BrowserSession.origin(loginOrigin, "ocop.web.login-origin");
        this.logoutUrl = origin + BrowserSession.LOGOUT_PATH;
        // Inline styles and SVG only: nothing loaded, no script; the one form posting elsewhere is identity's logout.
        this.contentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'"
                + (origin.isEmpty() ? "" : " " + origin) + "; frame-ancestors 'none'; base-uri 'none'";
    }

    @Get(produces = HTML)
    HttpResponse<String> page(Authentication auth, @Nullable @QueryValue String province, @Nullable @QueryValue String commune,
                              @Nullable @QueryValue Integer stars, @Nullable @QueryValue String group,
                              @Nullable @QueryValue String sellerType, @Nullable @QueryValue String from,
                              @Nullable @QueryValue String to) {
        Caller caller = Caller.of(auth);
        ReportFilters.Params params = new ReportFilters.Params(province, commune, null, stars, group, sellerType, from, to);
        ReportFilter f = filters.read(caller, params);
        ReportFilter place = new ReportFilter(f.province(), f.commune(), null, f.stars(), f.group(), f.sellerType(), f.from(),
                f.to());
        ReportFilter orders = new ReportFilter(f.province(), f.commune(), null, null, null, f.sellerType(), f.from(), f.to());
        LocalDate today = queries.today();

        Map<String, Object> model = new HashMap<>();
        model.put("fmt", VnFormat.VN);
        model.put("chartWidth", DashboardCharts.WIDTH);
        model.put("asOf", VnFormat.VN.time(clock.instant()));
        model.put("logoutUrl", logoutUrl);
        model.put("admin", caller.has(Roles.ADMIN));
        model.put("scope", scope(f));
        model.put("filter", f);
        model.put("period", "tháng " + f.from().getMonthValue() + "/" + f.from().getYear() + " – tháng "
                + f.to().getMonthValue() + "/" + f.to().getYear());
        model.put("ordersIgnoreProductFilters", f.stars() != null || f.group() != null);
        model.put("provinces", caller.has(Roles.ADMIN) ? units.provinces() : List.of());
        model.put("communes", f.province() == null ? List.of() : units.communes(f.province()));
        model.put("groups", Arrays.stream(OcopGroup.values()).map(g -> new Key(g.name(), g.label())).toList());
        model.put("sellerTypes", Arrays.stream(SellerType.values()).map(t -> keys.key("sellerType", t.name())).toList());

        Coverage coverage = queries.coverage(place, "commune");
        model.put("coverage", coverage);
        model.put("coverageChart", DashboardCharts.coverage(coverage.rows()));
        model.put("starsChart", DashboardCharts.coverage(queries.coverage(place, "stars").rows()));
        LocalDate historyFrom = today.minusDays(89);
        model.put("history", DashboardCharts.history(queries.coverageHistory(place, historyFrom, today).days(), historyFrom,
                today));

        Sales months = queries.sales(place, "month", ReportFilters.MAX_MONTHS);
        model.put("sales", months.total());
        model.put("monthsChart", DashboardCharts.months(months.rows(), f.from(), f.to()));
        model.put("productsChart", DashboardCharts.goods(queries.sales(place, "product", TOP_PRODUCTS).rows()));

        PaymentMix payments = queries.payments(orders);
        model.put("payments", payments);
        model.put("byCount", DashboardCharts.shares(payments.methods(), false));
        model.put("byValue", DashboardCharts.shares(payments.methods(), true));
        Map<String, String> methodNames = new HashMap<>();
        payments.methods().forEach(m -> methodNames.put(m.method(), keys.key("method", m.method()).name()));
        model.put("methodNames", methodNames);

        Traceability traceability = queries.traceability(orders);
        model.put("traceability", traceability);
        Map<String, Long> flags = new LinkedHashMap<>();
        traceability.flaggedScansByKind().forEach((kind, n) -> flags.put(keys.key("scanFlag", kind).name(), n));
        model.put("flags", flags);

        Sellers sellers = queries.sellers(place);
        model.put("sellers", sellers);
        model.put("sellerRows", sellers.rows().stream().map(r -> Map.of("type", keys.key("sellerType", r.sellerType()).name(),
                "status", keys.key("sellerStatus", r.status()).name(), "sellers", r.sellers(),
                "sellingOnline", r.sellingOnline())).toList());
        model.put("gaps", queries.gaps(place, null, GAP_ROWS));
        model.put("due", queries.certificatesDue(place, DUE_DAYS, DUE_ROWS));
        model.put("dueDays", DUE_DAYS);
        Map<String, String> csv = csvLinks(f);
        model.put("csv", csv);
        model.put("gapsCsv", csv.get(GAPS_CSV));

        String html = templates.process("office/dashboard", new Context(VIETNAMESE, model));
        return HttpResponse.ok(html)
                .contentType(HTML)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Content-Security-Policy", contentSecurityPolicy)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "same-origin");
    }

    /** What the page is about, in words: the province (or the country) and the filters in force. */
    private String scope(ReportFilter f) {
        StringBuilder scope = new StringBuilder(f.province() == null ? "Cả nước"
                : units.province(f.province()).map(Province::name).orElse(f.province()));
        if (f.commune() != null) {
            scope.append(" · ").append(units.commune(f.commune()).map(Commune::name).orElse(f.commune()));
        }
        if (f.stars() != null) {
            scope.append(" · ").append(f.stars()).append(" sao");
        }
        if (f.group() != null) {
            scope.append(" · ").append(OcopGroup.valueOf(f.group()).label());
        }
        if (f.sellerType() != null) {
            scope.append(" · ").append(keys.key("sellerType", f.sellerType()).name());
        }
        return scope.toString();
    }

    /** Each indicator's CSV, for the same province, filters and period as the page. */
    private static Map<String, String> csvLinks(ReportFilter f) {
        Map<String, String> links = new LinkedHashMap<>();
        links.put("Độ phủ theo xã, phường", csv("/coverage.csv", f, false, true).queryParam("by", "commune").toString());
        links.put("Độ phủ theo hạng sao", csv("/coverage.csv", f, false, true).queryParam("by", "stars").toString());
        links.put("Độ phủ theo ngày (90 ngày)", csv("/coverage/history.csv", f, false, true).toString());
        links.put(GAPS_CSV, csv("/coverage/gaps.csv", f, false, true).toString());
        links.put("Chứng nhận sắp hết hạn", csv("/certificates/due.csv", f, false, true).toString());
        links.put("Doanh số theo tháng", csv("/sales.csv", f, true, true).queryParam("by", "month").toString());
        links.put("Doanh số theo sản phẩm", csv("/sales.csv", f, true, true).queryParam("by", "product")
                .queryParam("limit", ReportController.MAX_LIMIT).toString());
        links.put("Doanh số theo xã, phường", csv("/sales.csv", f, true, true).queryParam("by", "commune").toString());
        links.put("Doanh số theo loại người bán", csv("/sales.csv", f, true, true).queryParam("by", "sellerType").toString());
        links.put("Thanh toán không dùng tiền mặt", csv("/payments.csv", f, true, false).toString());
        links.put("Người bán", csv("/sellers.csv", f, false, true).toString());
        links.put("Hoạt động hỗ trợ", csv("/helpers.csv", f, true, true).toString());
        links.put("Truy xuất nguồn gốc", csv("/traceability.csv", f, true, false).toString());
        return links;
    }

    private static UriBuilder csv(String path, ReportFilter f, boolean period, boolean productFilters) {
        UriBuilder uri = UriBuilder.of("/api/v1/reports" + path);
        if (f.province() != null) {
            uri.queryParam("province", f.province());
        }
        if (f.commune() != null) {
            uri.queryParam("commune", f.commune());
        }
        if (productFilters && f.stars() != null) {
            uri.queryParam("stars", f.stars());
        }
        if (productFilters && f.group() != null) {
            uri.queryParam("group", f.group());
        }
        if (f.sellerType() != null) {
            uri.queryParam("sellerType", f.sellerType());
        }
        if (period) {
            uri.queryParam("from", f.from().toString()).queryParam("to", f.to().toString());
        }
        return uri;
    }
}
