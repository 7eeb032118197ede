package vn.ocop.catalog.report;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import java.util.ArrayList;
import java.util.List;
import vn.ocop.catalog.report.OpenData.CoverageData;
import vn.ocop.catalog.report.OpenData.PaymentsData;
import vn.ocop.catalog.report.OpenData.SalesData;

/**
 * The open-data portal's feed: anonymised OCOP aggregates as JSON and, at each path's {@code .csv} sibling, as CSV, for
 * anybody, without a login ({@link OpenData} says what is withheld and why). Optional {@code province}; sales and
 * payments take months {@code from}/{@code to} (yyyy-MM, the last twelve by default, at most 36).
 */
@Controller("/api/v1/open-data/ocop")
@Secured(SecurityRule.IS_ANONYMOUS)
class OpenDataController {

    /** Aggregates change by the hour at most; portals and caches may keep them five minutes. */
    private static final String CACHE = "public, max-age=300";

    private final OpenData data;
    private final ReportFilters filters;

    OpenDataController(OpenData data, ReportFilters filters) {
        this.data = data;
        this.filters = filters;
    }

    /** A dataset the feed offers. */
    @Serdeable
    record Dataset(String id, String title, String description, String json, String csv) {
    }

    @Serdeable
    record Catalogue(String publisher, String licence, int minSellersPerCell, List<Dataset> datasets) {
    }

    @Operation(summary = "The open datasets: what each holds, and where")
    @Get(produces = MediaType.APPLICATION_JSON)
    HttpResponse<Catalogue> catalogue() {
        String base = "/api/v1/open-data/ocop/";
        return cached(new Catalogue(OpenData.PUBLISHER, OpenData.LICENCE, OpenData.MIN_SELLERS, List.of(
                new Dataset("ocop-coverage", "Sản phẩm OCOP bán trên sàn thương mại điện tử",
                        "Số sản phẩm có chứng nhận OCOP còn hiệu lực và số đang bán trên sàn (tin đăng còn hàng), theo "
                                + "tỉnh, xã/phường và hạng sao, so với mục tiêu 100 %.", base + "coverage", base + "coverage.csv"),
                new Dataset("ocop-sales", "Doanh số sản phẩm OCOP trên sàn theo tháng",
                        "Số đơn, số sản phẩm và giá trị hàng (đồng) theo tháng, tỉnh và xã/phường; ô có dưới "
                                + OpenData.MIN_SELLERS + " người bán không công bố.", base + "sales", base + "sales.csv"),
                new Dataset("ocop-payments", "Thanh toán không dùng tiền mặt theo tháng",
                        "Số đơn và giá trị theo phương thức thanh toán (VNPay, VietQR, thẻ, tiền mặt khi nhận hàng), theo "
                                + "tháng và tỉnh; ô có dưới " + OpenData.MIN_SELLERS + " người bán không công bố.",
                        base + "payments", base + "payments.csv"))));
    }

    @Operation(summary = "Certified OCOP products and those sold online, by province, commune and stars")
    @Get(uri = "/coverage", produces = MediaType.APPLICATION_JSON)
    HttpResponse<CoverageData> coverage(@Nullable @QueryValue String province) {
        return cached(data.coverage(filters.anyProvince(province)));
    }

    @Get(uri = "/coverage.csv", produces = "text/csv")
    HttpResponse<byte[]> coverageCsv(@Nullable @QueryValue String province) {
        CoverageData c = data.coverage(filters.anyProvince(province));
        return cachedCsv(ReportCsv.response("ocop-coverage-" + c.asOf() + ".csv",
                List.of("level", "code", "name", "certified", "online", "percent", "target_percent"),
                c.rows().stream().map(r -> List.<Object>of(r.level(), r.code(), r.name(), r.certified(), r.online(),
                        ReportCsv.orEmpty(r.percent()), c.targetPercent())).toList()));
    }

    @Operation(summary = "Net sales by month, province and commune; cells of fewer than 3 sellers withheld")
    @Get(uri = "/sales", produces = MediaType.APPLICATION_JSON)
    HttpResponse<SalesData> sales(@Nullable @QueryValue String province, @Nullable @QueryValue String from,
                                  @Nullable @QueryValue String to) {
        ReportFilters.Months months = filters.period(from, to, OpenData.MAX_MONTHS);
        return cached(data.sales(filters.anyProvince(province), months.from(), months.to()));
    }

    @Get(uri = "/sales.csv", produces = "text/csv")
    HttpResponse<byte[]> salesCsv(@Nullable @QueryValue String province, @Nullable @QueryValue String from,
                                  @Nullable @QueryValue String to) {
        SalesData s = sales(province, from, to).body();
        List<List<Object>> rows = new ArrayList<>();
        s.rows().forEach(r -> rows.add(List.of(r.month(), r.level(), r.provinceCode(), r.province(),
                ReportCsv.orEmpty(r.communeCode()), ReportCsv.orEmpty(r.commune()), r.withheld(), ReportCsv.orEmpty(r.sellers()),
                ReportCsv.orEmpty(r.orders()), ReportCsv.orEmpty(r.units()), ReportCsv.orEmpty(r.goodsVnd()))));
        return cachedCsv(ReportCsv.response("ocop-sales-" + s.from() + "-" + s.to() + ".csv", List.of("month", "level",
                "province_code", "province", "commune_code", "commune", "withheld", "sellers", "orders", "units", "goods_vnd"),
                rows));
    }

    @Operation(summary = "Orders and value by payment method, month and province, with the cashless share; cells of fewer "
            + "than 3 sellers withheld")
    @Get(uri = "/payments", produces = MediaType.APPLICATION_JSON)
    HttpResponse<PaymentsData> payments(@Nullable @QueryValue String province, @Nullable @QueryValue String from,
                                        @Nullable @QueryValue String to) {
        ReportFilters.Months months = filters.period(from, to, OpenData.MAX_MONTHS);
        return cached(data.payments(filters.anyProvince(province), months.from(), months.to()));
    }

    @Get(uri = "/payments.csv", produces = "text/csv")
    HttpResponse<byte[]> paymentsCsv(@Nullable @QueryValue String province, @Nullable @QueryValue String from,
                                     @Nullable @QueryValue String to) {
        PaymentsData p = payments(province, from, to).body();
        List<List<Object>> rows = new ArrayList<>();
        p.rows().forEach(r -> rows.add(List.of(r.month(), r.provinceCode(), r.province(), r.method(), r.methodName(),
                r.withheld(), ReportCsv.orEmpty(r.sellers()), ReportCsv.orEmpty(r.orders()), ReportCsv.orEmpty(r.valueVnd()),
                ReportCsv.orEmpty(r.percentOfOrders()), ReportCsv.orEmpty(r.percentOfValue()),
                ReportCsv.orEmpty(r.cashlessPercentOfOrders()), ReportCsv.orEmpty(r.cashlessPercentOfValue()))));
        return cachedCsv(ReportCsv.response("ocop-payments-" + p.from() + "-" + p.to() + ".csv", List.of("month",
                "province_code", "province", "method", "method_name", "withheld", "sellers", "orders", "value_vnd",
                "percent_of_orders", "percent_of_value", "cashless_percent_of_orders", "cashless_percent_of_value"), rows));
    }

    private static <T> HttpResponse<T> cached(T body) {
        return HttpResponse.ok(body).header(HttpHeaders.CACHE_CONTROL, CACHE);
    }

    private static HttpResponse<byte[]> cachedCsv(MutableHttpResponse<byte[]> csv) {
        return csv.header(HttpHeaders.CACHE_CONTROL, CACHE);
    }
}
