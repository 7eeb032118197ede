package vn.ocop.catalog.report

import io.micronaut.http.HttpRequest
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import java.time.Instant
import java.time.LocalTime
import java.time.YearMonth
import vn.ocop.payments.api.PaymentMethod
import vn.ocop.platform.Infra
import vn.ocop.platform.time.VietnamTime

/**
 * The open-data feed, read without a login: coverage, and sales and payments with cells of fewer than three sellers
 * withheld along with whatever would let them be worked out. Sales happen in a month of the past that no other data
 * uses in Cần Thơ, so the province's totals for it are the spec's own.
 */
@MicronautTest(transactional = false)
class OpenDataSpec extends ReportSpecification {

    def "sales and payments by month: cells of fewer than three sellers, and the smallest cell that would give them away, are withheld"() {
        given: 'a month of the past without sales in Cần Thơ, and three communes: A with 3 sellers, B with 1, D with 4'
        YearMonth month = freshMonth()
        Instant at = month.atDay(15).atTime(LocalTime.NOON).atZone(VietnamTime.ZONE).toInstant()
        String a = freshCommune()
        Map a1 = shop(a), a2 = shop(a), a3 = shop(a)
        String b = freshCommune()
        Map b1 = shop(b)
        String d = freshCommune()
        Map d1 = shop(d), d2 = shop(d), d3 = shop(d), d4 = shop(d)

        when: 'each sells once (goods value, then with 30,000 of shipping)'
        sale(a1, PaymentMethod.VNPAY, 2, 100_000, at)   // 200,000 / 230,000
        sale(a2, PaymentMethod.VNPAY, 1, 100_000, at)   // 100,000 / 130,000
        sale(a3, PaymentMethod.VIETQR, 1, 100_000, at)  // 100,000 / 130,000
        sale(b1, PaymentMethod.COD, 1, 50_000, at)      //  50,000 /  80,000
        sale(d1, PaymentMethod.VNPAY, 1, 200_000, at)   // 200,000 / 230,000
        sale(d2, PaymentMethod.VNPAY, 1, 200_000, at)   // 200,000 / 230,000
        sale(d3, PaymentMethod.VIETQR, 1, 200_000, at)  // 200,000 / 230,000
        sale(d4, PaymentMethod.CARD, 3, 100_000, at)    // 300,000 / 330,000
        Map sales = open("/sales?province=92&from=$month&to=$month")

        then: 'the province: 8 sellers, 8 orders, 11 units, 1,350,000 dong; D shown; B withheld, and A with it (B alone could be subtracted)'
        sales.minSellersPerCell == 3
        sales.licence == 'CC-BY-4.0'
        def province = sales.rows.find { it.level == 'PROVINCE' }
        province.subMap('month', 'provinceCode', 'province', 'withheld', 'sellers', 'orders', 'units', 'goodsVnd') ==
                [month: month.toString(), provinceCode: '92', province: 'Thành phố Cần Thơ', withheld: false, sellers: 8,
                 orders: 8, units: 11, goodsVnd: 1_350_000]
        def communes = sales.rows.findAll { it.level == 'COMMUNE' }.collectEntries { [it.communeCode, it] }
        communes.keySet() == [a, b, d].toSet()
        communes[d].subMap('withheld', 'sellers', 'orders', 'units', 'goodsVnd') ==
                [withheld: false, sellers: 4, orders: 4, units: 6, goodsVnd: 900_000]
        [a, b].every { communes[it].withheld && communes[it].sellers == null && communes[it].orders == null &&
                communes[it].units == null && communes[it].goodsVnd == null }

        when:
        Map payments = open("/payments?province=92&from=$month&to=$month")
        def methods = payments.rows.collectEntries { [it.method, it] }

        then: 'VNPay (4 sellers) shown: 4 of 8 orders, 820,000 of 1,590,000 dong; card (1) and cash (1) withheld, VietQR (2) too'
        methods.keySet() == ['ALL', 'VNPAY', 'VIETQR', 'CARD', 'COD'] as Set
        methods.ALL.subMap('withheld', 'sellers', 'orders', 'valueVnd') == [withheld: false, sellers: 8, orders: 8, valueVnd: 1_590_000]
        methods.VNPAY.subMap('methodName', 'withheld', 'sellers', 'orders', 'valueVnd', 'percentOfOrders', 'percentOfValue') ==
                [methodName: 'VNPay', withheld: false, sellers: 4, orders: 4, valueVnd: 820_000, percentOfOrders: 50.0,
                 percentOfValue: 51.6]
        ['VIETQR', 'CARD', 'COD'].every { methods[it].withheld && methods[it].orders == null && methods[it].valueVnd == null }

        and: 'the cashless share would give the cash-on-delivery cell away, so it is withheld with it'
        methods.ALL.cashlessPercentOfOrders == null && methods.ALL.cashlessPercentOfValue == null

        and: 'nothing names a seller'
        String everything = text("/sales?province=92&from=$month&to=$month") + text("/payments?province=92&from=$month&to=$month")
        [a1, a2, a3, b1, d1, d2, d3, d4].every { !everything.contains(it.seller.toString()) && !everything.contains('HTX Thử nghiệm') }

        when: 'the same as CSV'
        List<String> csv = text("/sales.csv?province=92&from=$month&to=$month").readLines()

        then: 'withheld cells are empty'
        csv[0] == '\uFEFFmonth,level,province_code,province,commune_code,commune,withheld,sellers,orders,units,goods_vnd'
        csv.find { it.contains(",$d,") }.endsWith(',false,4,4,6,900000')
        csv.find { it.contains(",$b,") }.endsWith(',true,,,,')
    }

    def "coverage by province, commune and stars, as the registry and the listings stand"() {
        given: 'a commune with two valid certificates, one of them online'
        String commune = freshCommune()
        String businessCode = uniqueCode()
        UUID seller = sellerIn(commune, 'COOPERATIVE', businessCode)
        certify(seller, listed(seller, [name: 'Khô cá lóc'], 10).id, certificateIn(commune, 4, businessCode, 'Khô cá lóc'))
        certificateIn(commune, 3, businessCode, 'Bánh tráng')

        when:
        Map coverage = open('/coverage?province=92')

        then:
        coverage.targetPercent == 100
        coverage.rows.find { it.level == 'COMMUNE' && it.code == commune }.subMap('certified', 'online', 'percent') ==
                [certified: 2, online: 1, percent: 50.0]
        coverage.rows.findAll { it.level == 'PROVINCE' }*.code == ['92']
        coverage.rows.findAll { it.level == 'STARS' }.every { it.code in ['3', '4', '5'] }
    }

    def "the catalogue lists the datasets; bad input is refused as problem+json"() {
        expect:
        open('').datasets*.id == ['ocop-coverage', 'ocop-sales', 'ocop-payments']

        when:
        def response = call(HttpRequest.GET("/api/v1/open-data/ocop$path"))

        then:
        response.status().code == 400
        response.contentType.get().toString() == 'application/problem+json'
        body(response).errors*.field == [field]

        where:
        path                                       || field
        '/coverage?province=XX'                    || 'province'
        '/sales?from=2026-05&to=2026-01'           || 'from'
        '/payments?from=2023-01&to=2026-01'        || 'from'
        '/sales.csv?to=2026-13'                    || 'to'
    }

    // --- steps ---

    /** A month of 2001-2020 without any sale in Cần Thơ. */
    YearMonth freshMonth() {
        def used = Infra.rows(tx, "SELECT DISTINCT month FROM report_seller_months WHERE province_code = ?", [CAN_THO])
                .collect { YearMonth.from(it.month.toLocalDate()) } as Set
        def free = (0..<240).collect { YearMonth.of(2001, 1).plusMonths(it) }.findAll { !(it in used) }
        free[new Random().nextInt(free.size())]
    }

    /** A verified household seller in the commune with one product in stock. */
    Map shop(String commune) {
        UUID seller = sellerIn(commune, 'HOUSEHOLD_BUSINESS', uniqueCode())
        [seller: seller, product: listed(seller, [name: 'Đặc sản ' + uniqueCode()], 100, 100_000)]
    }

    void sale(Map shop, PaymentMethod method, int quantity, long price, Instant at) {
        sell(shop.seller as UUID, method, [bought(shop.product as Map, quantity, price)], at)
    }

    Map open(String path) {
        def response = call(HttpRequest.GET("/api/v1/open-data/ocop$path"))
        assert response.status().code == 200: body(response)
        assert response.header('Cache-Control') == 'public, max-age=300'
        body(response)
    }

    String text(String path) {
        http.toBlocking().retrieve(HttpRequest.GET("/api/v1/open-data/ocop$path"), String)
    }
}
