package vn.ocop.catalog.report;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestBean;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import vn.ocop.catalog.report.ReportViews.CertificateDue;
import vn.ocop.catalog.report.ReportViews.CertificatesDue;
import vn.ocop.catalog.report.ReportViews.Coverage;
import vn.ocop.catalog.report.ReportViews.CoverageHistory;
import vn.ocop.catalog.report.ReportViews.Gaps;
import vn.ocop.catalog.report.ReportViews.Helpers;
import vn.ocop.catalog.report.ReportViews.PaymentMix;
import vn.ocop.catalog.report.ReportViews.Sales;
import vn.ocop.catalog.report.ReportViews.Sellers;
import vn.ocop.catalog.report.ReportViews.Traceability;
import vn.ocop.platform.problem.ProblemException;
import vn.ocop.platform.security.Caller;
import vn.ocop.platform.security.Roles;

/**
 * The trade office's indicators, as JSON and, at each path's {@code .csv} sibling with the same parameters, as CSV.
 * Officers see their own province (asking for another is refused), admins any province or, without one, all. Filters:
 * {@code province}, {@code commune}, {@code legacyDistrict}, {@code stars}, {@code group}, {@code sellerType}, and a
 * period of months {@code from}/{@code to} (yyyy-MM; the last twelve months by default).
 */
@Controller("/api/v1/reports")
@Secured({Roles.OFFICER, Roles.ADMIN})
class ReportController {

    static final int MAX_LIMIT = 500;
    static final int MAX_GAP_PAGE = 200;
    static final int MAX_DAYS_AHEAD = 365;

    private final ReportFilters filters;
    private final ReportQueries queries;

    ReportController(ReportFilters filters, ReportQueries queries) {
        this.filters = filters;
        this.queries = queries;
    }

    /** The filters every report takes, bound from the query string. */
    @Introspected
    record Query(@Nullable @QueryValue String province, @Nullable @QueryValue String commune,
                 @Nullable @QueryValue String legacyDistrict, @Nullable @QueryValue Integer stars,
                 @Nullable @QueryValue String group, @Nullable @QueryValue String sellerType,
                 @Nullable @QueryValue String from, @Nullable @QueryValue String to) {

        ReportFilters.Params params() {
            return new ReportFilters.Params(province, commune, legacyDistrict, stars, group, sellerType, from, to);
        }

        ReportFilters.Params withoutPeriod() {
            return new ReportFilters.Params(province, commune, legacyDistrict, stars, group, sellerType, null, null);
        }
    }

    @Operation(summary = "OCOP coverage against the 100% target: certified products with a published, in-stock listing "
            + "÷ certified products, by commune, legacyDistrict, stars, group or province")
    @Get(uri = "/coverage", produces = MediaType.APPLICATION_JSON)
    Coverage coverage(Authentication auth, @RequestBean Query query, @Nullable @QueryValue String by) {
        return queries.coverage(filters.read(Caller.of(auth), query.withoutPeriod()), choice("by", by, "commune",
                ReportQueries.COVERAGE_BY.keySet()));
    }

    @Get(uri = "/coverage.csv", produces = "text/csv")
    HttpResponse<byte[]> coverageCsv(Authentication auth, @RequestBean Query query, @Nullable @QueryValue String by) {
        Coverage c = coverage(auth, query, by);
        List<List<Object>> rows = new ArrayList<>();
        c.rows().forEach(r -> rows.add(List.of(r.key().code(), r.key().name(), r.certified(), r.online(), r.notOnline(),
                ReportCsv.orEmpty(r.percent()), c.targetPercent())));
        rows.add(List.of("", "Tổng", c.certified(), c.online(), c.notOnline(), ReportCsv.orEmpty(c.percent()), c.targetPercent()));
        return ReportCsv.response("ocop-coverage-" + c.asOf() + ".csv",
                List.of(c.by(), "name", "certified", "online", "not_online", "percent", "target_percent"), rows);
    }

    @Operation(summary = "Coverage day by day (from, to as yyyy-MM-dd; the last 90 days by default)")
    @Get(uri = "/coverage/history", produces = MediaType.APPLICATION_JSON)
    CoverageHistory history(Authentication auth, @RequestBean Query query) {
        ReportFilter filter = filters.read(Caller.of(auth), query.withoutPeriod());
        LocalDate to = day("to", query.to(), queries.today());
        LocalDate from = day("from", query.from(), to.minusDays(89));
        if (from.isAfter(to)) {
            throw ProblemException.invalidField("from", "must not be after to");
        }
        if (from.plusYears(10).isBefore(to)) {
            throw ProblemException.invalidField("from", "a period of at most ten years");
        }
        return queries.coverageHistory(filter, from, to);
    }

    @Get(uri = "/coverage/history.csv", produces = "text/csv")
    HttpResponse<byte[]> historyCsv(Authentication auth, @RequestBean Query query) {
        CoverageHistory h = history(auth, query);
        return ReportCsv.response("ocop-coverage-history-" + h.from() + "-" + h.to() + ".csv",
                List.of("day", "certified", "online", "percent", "target_percent"),
                h.days().stream().map(d -> List.<Object>of(d.day(), d.certified(), d.online(), ReportCsv.orEmpty(d.percent()),
                        h.targetPercent())).toList());
    }

    @Operation(summary = "Who to help next: certified products not online, with their producer, commune and what is missing")
    @Get(uri = "/coverage/gaps", produces = MediaType.APPLICATION_JSON)
    Gaps gaps(Authentication auth, @RequestBean Query query, @Nullable @QueryValue String cursor,
              @Nullable @QueryValue Integer limit) {
        return queries.gaps(filters.read(Caller.of(auth), query.withoutPeriod()), ReportFilters.blank(cursor),
                limit("limit", limit, 50, MAX_GAP_PAGE));
    }

    @Get(uri = "/coverage/gaps.csv", produces = "text/csv")
    HttpResponse<byte[]> gapsCsv(Authentication auth, @RequestBean Query query) {
        Gaps g = queries.gaps(filters.read(Caller.of(auth), query.withoutPeriod()), null, Integer.MAX_VALUE - 1);
        return ReportCsv.response("ocop-not-online-" + queries.today() + ".csv",
                List.of("certificate_number", "product_name", "producer", "producer_code", "stars", "ocop_group", "commune_code",
                        "commune", "legacy_district", "expires_on", "reason", "seller_id", "seller_name", "seller_phone"),
                g.items().stream().map(x -> List.<Object>of(x.certificateNumber(), x.productName(), x.producer(),
                        ReportCsv.orEmpty(x.producerCode()), x.stars(), x.ocopGroup(),
                        x.commune() == null ? "" : x.commune().code(), x.commune() == null ? "" : x.commune().name(),
                        x.legacyDistrict() == null ? "" : x.legacyDistrict().name(), x.expiresOn(), x.reason().name(),
                        ReportCsv.orEmpty(x.sellerId()), ReportCsv.orEmpty(x.sellerName()), ReportCsv.orEmpty(x.sellerPhone())))
                        .toList());
    }

    @Operation(summary = "Certificates expiring within withinDays (90 by default), and expired or revoked ones whose "
            + "products are still listed")
    @Get(uri = "/certificates/due", produces = MediaType.APPLICATION_JSON)
    CertificatesDue certificates(Authentication auth, @RequestBean Query query, @Nullable @QueryValue Integer withinDays,
                                 @Nullable @QueryValue Integer limit) {
        return queries.certificatesDue(filters.read(Caller.of(auth), query.withoutPeriod()),
                limit("withinDays", withinDays, 90, MAX_DAYS_AHEAD), limit("limit", limit, MAX_LIMIT, MAX_LIMIT));
    }

    @Get(uri = "/certificates/due.csv", produces = "text/csv")
    HttpResponse<byte[]> certificatesCsv(Authentication auth, @RequestBean Query query,
                                         @Nullable @QueryValue Integer withinDays, @Nullable @QueryValue Integer limit) {
        CertificatesDue d = certificates(auth, query, withinDays, limit);
        List<List<Object>> rows = new ArrayList<>();
        d.expiring().forEach(c -> rows.add(dueRow("EXPIRING", c)));
        d.expiredStillListed().forEach(c -> rows.add(dueRow("EXPIRED_STILL_LISTED", c)));
        return ReportCsv.response("ocop-certificates-due-" + d.asOf() + ".csv", List.of("section", "certificate_number",
                "product_name", "producer", "stars", "ocop_group", "commune", "expires_on", "days_left", "status",
                "listed_products"), rows);
    }

    private static List<Object> dueRow(String section, CertificateDue c) {
        return List.of(section, c.certificateNumber(), c.productName(), c.producer(), c.stars(), c.ocopGroup(),
                c.commune() == null ? "" : c.commune().name(), c.expiresOn(), c.daysLeft(), c.status(), c.listedProducts());
    }

    @Operation(summary = "Net sales (orders, units, goods value in VND) by product, commune, legacyDistrict, sellerType, "
            + "month, stars, group or province")
    @Get(uri = "/sales", produces = MediaType.APPLICATION_JSON)
    Sales sales(Authentication auth, @RequestBean Query query, @Nullable @QueryValue String by,
                @Nullable @QueryValue Integer limit) {
        return queries.sales(filters.read(Caller.of(auth), query.params()),
                choice("by", by, "month", ReportQueries.SALES_BY.keySet()), limit("limit", limit, 100, MAX_LIMIT));
    }

    @Get(uri = "/sales.csv", produces = "text/csv")
    HttpResponse<byte[]> salesCsv(Authentication auth, @RequestBean Query query, @Nullable @QueryValue String by,
                                  @Nullable @QueryValue Integer limit) {
        Sales s = sales(auth, query, by, limit);
        List<List<Object>> rows = new ArrayList<>();
        s.rows().forEach(r -> rows.add(List.of(r.key().code(), r.key().name(), r.orders(), r.units(), r.goodsVnd())));
        rows.add(List.of("", "Tổng", s.total().orders(), s.total().units(), s.total().goodsVnd()));
        return ReportCsv.response("ocop-sales-" + s.by() + "-" + s.from() + "-" + s.to() + ".csv",
                List.of(s.by(), "name", "orders", "units", "goods_vnd"), rows);
    }

    @Operation(summary = "Cashless share of sold orders by count and by value, by method (VNPay, VietQR, card, cash on delivery)")
    @Get(uri = "/payments", produces = MediaType.APPLICATION_JSON)
    PaymentMix payments(Authentication auth, @RequestBean Query query) {
        if (query.stars() != null || query.group() != null) {
            throw ProblemException.invalidField(query.stars() != null ? "stars" : "group",
                    "does not apply to payments: an order may hold products of several ratings and groups");
        }
        return queries.payments(filters.read(Caller.of(auth), query.params()));
    }

    @Get(uri = "/payments.csv", produces = "text/csv")
    HttpResponse<byte[]> paymentsCsv(Authentication auth, @RequestBean Query query) {
        PaymentMix p = payments(auth, query);
        List<List<Object>> rows = new ArrayList<>();
        p.methods().forEach(m -> rows.add(List.of(m.method(), m.cashless(), m.orders(), m.valueVnd(),
                ReportCsv.orEmpty(m.percentOfOrders()), ReportCsv.orEmpty(m.percentOfValue()), m.refundedVnd())));
        rows.add(List.of("CASHLESS", true, p.cashlessOrders(), p.cashlessValueVnd(),
                ReportCsv.orEmpty(p.cashlessPercentOfOrders()), ReportCsv.orEmpty(p.cashlessPercentOfValue()), ""));
        return ReportCsv.response("ocop-payments-" + p.from() + "-" + p.to() + ".csv", List.of("method", "cashless",
                "orders", "value_vnd", "percent_of_orders", "percent_of_value", "refunded_vnd"), rows);
    }

    @Operation(summary = "Sellers by type and verification status, and how many sell online")
    @Get(uri = "/sellers", produces = MediaType.APPLICATION_JSON)
    Sellers sellers(Authentication auth, @RequestBean Query query) {
        return queries.sellers(filters.read(Caller.of(auth), query.withoutPeriod()));
    }

    @Get(uri = "/sellers.csv", produces = "text/csv")
    HttpResponse<byte[]> sellersCsv(Authentication auth, @RequestBean Query query) {
        Sellers s = sellers(auth, query);
        return ReportCsv.response("ocop-sellers.csv", List.of("seller_type", "status", "sellers", "selling_online"),
                s.rows().stream().map(r -> List.<Object>of(r.sellerType(), r.status(), r.sellers(), r.sellingOnline())).toList());
    }

    @Operation(summary = "Helper activity in the period: sellers helped, profiles completed, listings created and published")
    @Get(uri = "/helpers", produces = MediaType.APPLICATION_JSON)
    Helpers helpers(Authentication auth, @RequestBean Query query) {
        return queries.helpers(filters.read(Caller.of(auth), query.params()));
    }

    @Get(uri = "/helpers.csv", produces = "text/csv")
    HttpResponse<byte[]> helpersCsv(Authentication auth, @RequestBean Query query) {
        Helpers h = helpers(auth, query);
        return ReportCsv.response("ocop-helpers-" + h.from() + "-" + h.to() + ".csv", List.of("helper_id", "helper_name",
                "sellers_helped", "profiles_completed", "listings_created", "listings_published", "actions"),
                h.rows().stream().map(r -> List.<Object>of(r.helperId(), ReportCsv.orEmpty(r.helperName()), r.sellersHelped(),
                        r.profilesCompleted(), r.listingsCreated(), r.listingsPublished(), r.actions())).toList());
    }

    @Operation(summary = "Traceability: sold units shipped from a traceable lot, lots with QR labels, flagged scans, recalls")
    @Get(uri = "/traceability", produces = MediaType.APPLICATION_JSON)
    Traceability traceability(Authentication auth, @RequestBean Query query) {
        if (query.stars() != null || query.group() != null || query.legacyDistrict() != null) {
            throw ProblemException.invalidField(query.stars() != null ? "stars" : query.group() != null ? "group"
                    : "legacyDistrict", "does not apply to the traceability report");
        }
        return queries.traceability(filters.read(Caller.of(auth), query.params()));
    }

    @Get(uri = "/traceability.csv", produces = "text/csv")
    HttpResponse<byte[]> traceabilityCsv(Authentication auth, @RequestBean Query query) {
        Traceability t = traceability(auth, query);
        List<List<Object>> rows = new ArrayList<>(List.of(
                List.of("sold_units", t.soldUnits()), List.of("shipped_units", t.shippedUnits()),
                List.of("traced_units", t.tracedUnits()), List.of("traced_percent_of_shipped",
                        ReportCsv.orEmpty(t.tracedPercentOfShipped())), List.of("lots", t.lots()),
                List.of("labelled_lots", t.labelledLots()), List.of("recalled_lots", t.recalledLots()),
                List.of("flagged_scans", t.flaggedScans())));
        t.flaggedScansByKind().forEach((kind, n) -> rows.add(List.of("flagged_scans_" + kind, n)));
        return ReportCsv.response("ocop-traceability-" + t.from() + "-" + t.to() + ".csv", List.of("indicator", "value"), rows);
    }

    static String choice(String field, @Nullable String value, String otherwise, Collection<String> allowed) {
        String chosen = ReportFilters.blank(value) == null ? otherwise : value.strip();
        if (!allowed.contains(chosen)) {
            throw ProblemException.invalidField(field, "one of " + String.join(", ", allowed));
        }
        return chosen;
    }

    static int limit(String field, @Nullable Integer value, int otherwise, int max) {
        int chosen = value == null ? otherwise : value;
        if (chosen < 1 || chosen > max) {
            throw ProblemException.invalidField(field, "between 1 and " + max);
        }
        return chosen;
    }

    private static LocalDate day(String field, @Nullable String text, LocalDate otherwise) {
        if (ReportFilters.blank(text) == null) {
            return otherwise;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(field, "a date as yyyy-MM-dd");
        }
    }
}
