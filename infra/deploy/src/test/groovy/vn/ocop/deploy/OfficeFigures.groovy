package vn.ocop.deploy

import java.math.RoundingMode
import java.time.LocalDate

/**
 * The trade office's figures as {@link OfficeReportsScenario} works them out by hand, from {@link DemoRegistry}'s data,
 * the clock and the purchases it makes, and the report rows put in the same shape to compare.
 */
final class OfficeFigures {

    private OfficeFigures() {
    }

    /** A certificate valid that day: issued, and not past its expiry. */
    static boolean validOn(DemoRegistry.Entry e, LocalDate day) {
        !e.issuedOn().isAfter(day) && !expiry(e).isBefore(day)
    }

    /** Whether every certificate of the registry is valid on that day, as in the seed documents. */
    static boolean allValid(LocalDate day) {
        DemoRegistry.entries().every { validOn(it, day) }
    }

    /** A sale's line shows its product's stars when the certificate is valid on the day of the sale (today), else none. */
    static String starsOnSale(DemoRegistry.Entry e) {
        validOn(e, LocalDate.now(ProviderCallbacks.VIETNAM)) ? e.stars() as String : ''
    }

    /** A certificate is valid 36 months from its issue (the registry CSV gives no expiry). */
    static LocalDate expiry(DemoRegistry.Entry e) {
        e.issuedOn().plusMonths(36)
    }

    /** The registry CSV keeps the former district only for certificates issued before the July 2025 reform. */
    static boolean issuedBeforeReform(DemoRegistry.Entry e) {
        e.issuedOn().isBefore(LocalDate.of(2025, 7, 1))
    }

    /** The ST25 enterprise (subject 0) registered with the demo's own profile, under its brand name. */
    static String sellerName(DemoRegistry.Subject subject) {
        subject.index() == 0 ? DemoData.sellerProfile().displayName : subject.name()
    }

    /** Compares row by row, so that a difference names its row; true when all are equal. */
    static boolean sameRows(List<List> actual, List<List> expected) {
        actual.eachWithIndex { row, i -> assert i < expected.size() && row == expected[i]: "row $i" }
        assert actual.size() == expected.size()
        true
    }

    static BigDecimal percent(long part, long whole) {
        whole == 0 ? null : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP)
    }

    static BigDecimal num(Object value) {
        value == null ? null : new BigDecimal(value.toString())
    }

    static Map<String, Long> counts(Map byKind) {
        byKind.collectEntries { k, v -> [k, v as long] } as Map<String, Long>
    }

    static long total(List<Map> of) {
        of ? of.sum { it.total } as long : 0L
    }

    /** The local shipping rate orders runs with: 15,000 dong up to 1 kg, then 3,000 per started kilogram. */
    static long localShipping(int grams) {
        15_000L + (Math.max(0, grams - 1000) + 999).intdiv(1000) * 3_000L
    }

    static List<List> expectedCoverage(List<DemoRegistry.Entry> valid, Closure<String> key) {
        valid.groupBy(key).collect { k, of -> [k, of.size(), of.count { it.listed() }, of.count { !it.listed() },
                                               percent(of.count { it.listed() }, of.size())] }.sort { it[0] }
    }

    static List<List> coverageRows(Map coverage) {
        coverage.rows.collect { [it.key.code, it.certified, it.online, it.notOnline, num(it.percent)] }
    }

    static List row(Map r) {
        [r.key.code, r.orders as long, r.units as long, r.goodsVnd as long]
    }

    static Set<List> rows(Map report) {
        report.rows.collect { row(it) } as Set
    }

    /**
     * Sales grouped by hand. Grouped by a place or seller type an order counts once; grouped by a product's stars or group
     * it counts once per product it holds ({@code perProduct}), as the report documents.
     */
    static Set<List> salesBy(List<Map> lines, boolean perProduct, Closure<String> key) {
        lines.groupBy(key).collect { k, of ->
            long orders = perProduct ? of.collect { [it.order.id, it.listed.productId] }.unique().size() : of*.order*.id.unique().size()
            [k, orders, of.sum { it.quantity } as long, of.sum { it.goods } as long]
        } as Set
    }
}
