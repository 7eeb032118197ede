package vn.ocop.catalog.report

import io.micronaut.http.HttpRequest
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import java.time.Instant
import java.time.LocalDate
import java.time.YearMonth
import vn.ocop.orders.api.OrderCancelled
import vn.ocop.orders.api.OrderPaid
import vn.ocop.orders.api.OrderShipped
import vn.ocop.payments.api.PaymentMethod
import vn.ocop.payments.api.RefundCompleted
import vn.ocop.platform.Infra
import vn.ocop.platform.event.Ids
import vn.ocop.platform.security.TestIdentity
import vn.ocop.platform.time.VietnamTime
import vn.ocop.traceability.api.LabelsPrinted
import vn.ocop.traceability.api.LotRecalled
import vn.ocop.traceability.api.LotRegistered
import vn.ocop.traceability.api.ScanFlagged

/**
 * The trade office's indicators, each checked against numbers worked out by hand from the sellers, certificates,
 * orders, payments and traceability events the spec drives. Each feature works in a commune of Cần Thơ that no other
 * data uses, and filters by it, so the numbers are its own.
 */
@MicronautTest(transactional = false)
class ReportsSpec extends ReportSpecification {

    @Inject CoverageSnapshots snapshots

    def "coverage counts certified products with a published, in-stock listing, and lists who to help next and why"() {
        given: 'a commune with a verified seller and five valid certificates of its products'
        String commune = freshCommune()
        String businessCode = uniqueCode()
        UUID seller = sellerIn(commune, 'COOPERATIVE', businessCode)
        String online = certificateIn(commune, 3, businessCode, 'Gạo ST25 Hợp tác xã')
        String soldOut = certificateIn(commune, 3, businessCode, 'Mắm cá linh')
        String claimed = certificateIn(commune, 4, businessCode, 'Tôm khô')
        String unlinked = certificateIn(commune, 5, businessCode, 'Bánh pía')
        String revoked = certificateIn(commune, 4, businessCode, 'Rượu nếp')
        String expiringSoon = certificateIn(commune, 3, businessCode, 'Mật ong', LocalDate.now(VietnamTime.ZONE).plusDays(30))
        and: 'products: one certified and in stock, one certified and sold out, one only claimed, one revoked while listed'
        certify(seller, listed(seller, [name: 'Gạo ST25 HTX'], 20).id, online)
        certify(seller, listed(seller, [name: 'Mắm cá linh HTX'], 0).id, soldOut)
        claim(seller, listed(seller, [name: 'Tôm khô HTX'], 5).id, claimed)
        certify(seller, listed(seller, [name: 'Rượu nếp HTX'], 5).id, revoked)
        certify(seller, listed(seller, [name: 'Mật ong HTX'], 5).id, expiringSoon)
        revoke(revoked, commune, businessCode)

        when:
        Map coverage = report("/coverage?commune=$commune&by=stars")

        then: 'five certified now (the revoked one is not), two of them online: 40%, against 100%'
        coverage.certified == 5
        coverage.online == 2
        coverage.notOnline == 3
        coverage.percent == 40.0
        coverage.targetPercent == 100
        coverage.rows.collect { [it.key.code, it.certified, it.online] } == [['3', 3, 2], ['4', 1, 0], ['5', 1, 0]]
        coverage.rows[0].key.name == '3 sao'

        when:
        Map gaps = report("/coverage/gaps?commune=$commune")

        then: 'the three not online, with their producer, commune and what is missing'
        gaps.total == 3
        gaps.items.collectEntries { [it.certificateNumber, it.reason] } ==
                [(soldOut): 'OUT_OF_STOCK', (claimed): 'CLAIM_PENDING', (unlinked): 'NOT_LINKED']
        gaps.items.every { it.commune.code == commune && it.producer == 'HTX Thử nghiệm' }
        gaps.items.find { it.certificateNumber == unlinked }.sellerId == seller.toString()

        when: 'a page of one'
        Map first = report("/coverage/gaps?commune=$commune&limit=1")
        Map second = report("/coverage/gaps?commune=$commune&limit=1&cursor=${first.nextCursor}")

        then:
        first.items*.certificateNumber == [[soldOut, claimed, unlinked].sort()[0]]
        second.items*.certificateNumber == [[soldOut, claimed, unlinked].sort()[1]]

        when:
        Map due = report("/certificates/due?commune=$commune")

        then: 'the one expiring in 30 days, and the revoked one still listed'
        due.expiring*.certificateNumber == [expiringSoon]
        due.expiring[0].daysLeft == 30
        due.expiringStillListed == null
        due.expiredStillListed*.certificateNumber == [revoked]
        due.expiredStillListed[0].listedProducts == 1

        when: "today's coverage is kept in the history"
        snapshots.take()
        Map history = report("/coverage/history?commune=$commune")

        then:
        history.days.last().day == LocalDate.now(VietnamTime.ZONE).toString()
        history.days.last().certified == 5
        history.days.last().online == 2
    }

    def "sales, the payment mix and traceability fold orders', payments' and traceability's events"() {
        given: 'a household seller with a four-star certified product and an uncertified one'
        String commune = freshCommune()
        String businessCode = uniqueCode()
        UUID seller = sellerIn(commune, 'HOUSEHOLD_BUSINESS', businessCode)
        Map rice = listed(seller, [name: 'Gạo ST25 hộ Cua'], 100, 200_000)
        certify(seller, rice.id, certificateIn(commune, 4, businessCode, 'Gạo ST25'))
        Map shrimp = listed(seller, [name: 'Tôm khô hộ Cua'], 100, 50_000)

        when: 'four orders: VNPay, VietQR, cash on delivery, and a card order cancelled and refunded'
        def vnpay = sell(seller, PaymentMethod.VNPAY, [bought(rice, 2, 200_000), bought(shrimp, 1, 50_000)])
        def vietqr = sell(seller, PaymentMethod.VIETQR, [bought(rice, 1, 200_000)])
        sell(seller, PaymentMethod.COD, [bought(shrimp, 4, 50_000)])
        def card = sell(seller, PaymentMethod.CARD, [bought(shrimp, 2, 50_000)])
        fromOrders(OrderCancelled.TYPE, card.order.orderId(), new OrderCancelled(card.order.orderId(), card.order.orderNumber(),
                card.checkout.checkoutId(), seller, PaymentMethod.CARD, 'SELLER', 'Hết hàng', true, 130_000, Instant.now(),
                card.order.lines()))
        fromPayments(RefundCompleted.TYPE, card.checkout.checkoutId(), new RefundCompleted(Ids.newId(),
                card.checkout.checkoutId(), card.order.orderId(), PaymentMethod.CARD, 130_000, 'RF-1', Instant.now()))
        and: 'a sale delivered twice (a replay) counts once'
        fromOrders(OrderPaid.TYPE, vnpay.order.orderId(), paidWith(vnpay, PaymentMethod.VNPAY))

        then: 'net sales: three orders, 8 units, 850,000 dong of goods'
        Map sales = report("/sales?commune=$commune&by=product")
        sales.total == [key: [code: '', name: 'Tổng'], orders: 3, units: 8, goodsVnd: 850_000]
        sales.rows.collect { [it.key.name, it.orders, it.units, it.goodsVnd] } ==
                [['Gạo ST25 hộ Cua', 2, 3, 600_000], ['Tôm khô hộ Cua', 2, 5, 250_000]]
        report("/sales?commune=$commune&stars=4&by=month").total.goodsVnd == 600_000
        report("/sales?commune=$commune&by=sellerType").rows.collect { [it.key.code, it.key.name, it.orders] } ==
                [['HOUSEHOLD_BUSINESS', 'Hộ kinh doanh', 3]]

        and: 'paid by count 2 in 3 cashless, by value 710,000 of 940,000'
        Map payments = report("/payments?commune=$commune")
        payments.orders == 3
        payments.valueVnd == 940_000
        payments.cashlessOrders == 2
        payments.cashlessPercentOfOrders == 66.7
        payments.cashlessValueVnd == 710_000
        payments.cashlessPercentOfValue == 75.5
        payments.methods.collect { [it.method, it.orders, it.valueVnd, it.refundedVnd] } ==
                [['VNPAY', 1, 480_000, 0], ['VIETQR', 1, 230_000, 0], ['CARD', 0, 0, 130_000], ['COD', 1, 230_000, 0]]

        when: 'lot L1 is registered and labelled, two orders ship (one from a lot registered afterwards), a scan is flagged, L2 recalled'
        String l1 = "L1-${uniqueCode()}"
        String l2 = "L2-${uniqueCode()}"
        UUID lot1 = Ids.newId()
        UUID lot2 = Ids.newId()
        fromTraceability(LotRegistered.TYPE, lot1, new LotRegistered(lot1, l1, UUID.fromString(rice.id), seller, 500.0, 'kg',
                LocalDate.now(), Instant.now()))
        fromTraceability(LabelsPrinted.TYPE, lot1, new LabelsPrinted(lot1, l1, UUID.fromString(rice.id), seller, 24, true,
                Instant.now()))
        fromOrders(OrderShipped.TYPE, vnpay.order.orderId(), shipped(vnpay, [(rice.id): l1, (shrimp.id): null]))
        fromOrders(OrderShipped.TYPE, vietqr.order.orderId(), shipped(vietqr, [(rice.id): l2]))
        fromTraceability(LotRegistered.TYPE, lot2, new LotRegistered(lot2, l2, UUID.fromString(rice.id), seller, 100.0, 'kg',
                null, Instant.now()))
        fromTraceability(ScanFlagged.TYPE, lot1, new ScanFlagged(Ids.newId(), 'FAR_APART', "01/x/10/$l1".toString(), lot1, l1,
                UUID.fromString(rice.id), seller, CAN_THO, Instant.now()))
        fromTraceability(LotRecalled.TYPE, lot2, new LotRecalled(lot2, l2, UUID.fromString(rice.id), seller, CAN_THO,
                'Độ ẩm vượt ngưỡng', null, Instant.now()))
        Map trace = report("/traceability?commune=$commune")

        then: '8 sold, 4 shipped, 3 from known lots (75%); 2 lots, 1 labelled, 1 recalled, 1 flagged scan'
        trace.soldUnits == 8
        trace.shippedUnits == 4
        trace.tracedUnits == 3
        trace.tracedPercentOfShipped == 75.0
        trace.lots == 2
        trace.labelledLots == 1
        trace.labelledPercent == 50.0
        trace.recalledLots == 1
        trace.flaggedScans == 1
        trace.flaggedScansByKind == [FAR_APART: 1]

        when: 'the sales as CSV'
        def csv = http.toBlocking().exchange(HttpRequest.GET("/api/v1/reports/sales.csv?commune=$commune&by=product")
                .bearerAuth(officer), byte[])
        List<String> lines = new String(csv.body(), 'UTF-8').readLines()

        then:
        csv.contentType.get().toString().startsWith('text/csv')
        lines[0] == '\uFEFFproduct,name,orders,units,goods_vnd'
        lines[1].endsWith(',Gạo ST25 hộ Cua,2,3,600000')
        lines.last().endsWith(',Tổng,3,8,850000')

        when: 'the report tables are damaged; an officer may not rebuild them; an admin empties them and replays the streams'
        Infra.execute(tx, 'UPDATE report_seller_months SET orders = 0, goods_vnd = 0, total_vnd = 0 WHERE commune_code = ?', [commune])
        Infra.execute(tx, 'DELETE FROM report_lots WHERE seller_id = ?', [seller.toString()])
        assert report("/payments?commune=$commune").valueVnd == 0
        def refused = call(HttpRequest.POST('/api/v1/admin/reports/rebuild', '').bearerAuth(officer))
        def rebuilt = call(HttpRequest.POST('/api/v1/admin/reports/rebuild', '').bearerAuth(TestIdentity.admin(Ids.newId())))

        then: 'every number comes back the same, the replayed duplicate still counted once'
        refused.status().code == 403
        rebuilt.status().code == 200
        body(rebuilt).eventsApplied >= 14
        report("/sales?commune=$commune&by=product") == sales
        report("/payments?commune=$commune") == payments
        report("/traceability?commune=$commune") == trace
    }

    def "sales answers kept month by month show every new sale and cancellation at the next read"() {
        given: 'a seller with two products, and a sale last month'
        String commune = freshCommune()
        UUID seller = sellerIn(commune, 'HOUSEHOLD_BUSINESS', uniqueCode())
        Map rice = listed(seller, [name: 'Gạo tím than'], 100, 100_000)
        Map honey = listed(seller, [name: 'Mật ong U Minh'], 100, 50_000)
        YearMonth now = YearMonth.now(VietnamTime.ZONE)
        Instant lastMonth = now.minusMonths(1).atDay(10).atStartOfDay(VietnamTime.ZONE).toInstant()
        sell(seller, PaymentMethod.VNPAY, [bought(rice, 3, 100_000)], lastMonth)
        String period = "commune=$commune&from=${now.minusMonths(1)}&to=$now"

        expect: 'read once: last month only'
        productSales(period) == [[rice.id, 1, 3, 300_000]]

        when: 'a sale this month (last month is unchanged, and its part is reused)'
        def honeySale = sell(seller, PaymentMethod.COD, [bought(honey, 8, 50_000)])

        then: 'it shows at once, ranked by value, and the rows add up to the total'
        productSales(period) == [[honey.id, 1, 8, 400_000], [rice.id, 1, 3, 300_000]]
        report("/sales?$period&by=product").total.goodsVnd == 700_000
        report("/sales?$period&by=month").rows.collect { [it.key.code, it.goodsVnd] } ==
                [[now.minusMonths(1).atDay(1).toString(), 300_000], [now.atDay(1).toString(), 400_000]]

        when: "this month's sale is cancelled"
        fromOrders(OrderCancelled.TYPE, honeySale.order.orderId(), new OrderCancelled(honeySale.order.orderId(),
                honeySale.order.orderNumber(), honeySale.checkout.checkoutId(), seller, PaymentMethod.COD, 'BUYER', 'Đổi ý',
                true, 0, Instant.now(), honeySale.order.lines()))

        then: 'the product is back to nothing this month'
        productSales(period) == [[rice.id, 1, 3, 300_000], [honey.id, 0, 0, 0]]
        report("/sales?$period&by=product").total.goodsVnd == 300_000
    }

    def "sellers by type and status, and what helpers did for them"() {
        given:
        String commune = freshCommune()
        UUID verified = sellerIn(commune, 'ENTERPRISE', uniqueCode())
        listed(verified, [name: 'Bánh pía DN'], 5)
        String phone = '09' + uniqueCode()[2..9]
        UUID helper = registeredHelper(phone)
        UUID pending = registeredSeller('Hộ Bà Năm')
        assert call(HttpRequest.POST("/api/v1/sellers/$pending/delegations", [helper: phone, scopes: ['PROFILE', 'LISTINGS'],
                validUntil: Instant.now().plusSeconds(86_400).toString()]).bearerAuth(TestIdentity.seller(pending)))
                .status().code == 201
        assert call(HttpRequest.PUT("/api/v1/sellers/$pending/profile", profile(address: [street: '3 Ấp Chợ',
                provinceCode: CAN_THO, communeCode: commune], sellerType: 'HOUSEHOLD_BUSINESS', businessCode: uniqueCode()))
                .bearerAuth(TestIdentity.token(helper, ['HELPER']))).status().code == 200

        when:
        Map sellers = report("/sellers?commune=$commune")
        Map helpers = report("/helpers?commune=$commune")

        then:
        sellers.sellers == 2
        sellers.verified == 1
        sellers.sellingOnline == 1
        sellers.rows.collect { [it.sellerType, it.status, it.sellers] } == [['ENTERPRISE', 'VERIFIED', 1],
                                                                          ['HOUSEHOLD_BUSINESS', 'PENDING', 1]]
        helpers.rows.collect { [it.helperId, it.sellersHelped, it.profilesCompleted] } == [[helper.toString(), 1, 1]]
    }

    def "an officer sees only their province, buyers and sellers none; bad filters are refused and leak nothing"() {
        expect:
        def response = call(HttpRequest.GET("/api/v1/reports$path").bearerAuth(token))
        response.status().code == status
        if (status >= 400) {
            assert response.contentType.get().toString() == 'application/problem+json'
            assert !body(response).toString().contains('certified')
        }

        where:
        path                                    | token                                   || status
        '/coverage?province=79'                 | TestIdentity.officer(Ids.newId(), '92') || 403
        '/sales'                                | TestIdentity.seller(Ids.newId())        || 403
        '/coverage'                             | TestIdentity.buyer(Ids.newId())         || 403
        '/coverage?commune=99999'               | TestIdentity.officer(Ids.newId(), '92') || 400
        '/coverage?commune=00004'               | TestIdentity.officer(Ids.newId(), '92') || 400
        '/coverage?group=CAKES'                 | TestIdentity.officer(Ids.newId(), '92') || 400
        '/coverage?by=colour'                   | TestIdentity.officer(Ids.newId(), '92') || 400
        '/sales?from=2026-10&to=2026-01'        | TestIdentity.officer(Ids.newId(), '92') || 400
        '/sales?from=2026-13'                   | TestIdentity.officer(Ids.newId(), '92') || 400
        '/sales?limit=501'                      | TestIdentity.officer(Ids.newId(), '92') || 400
        '/coverage/gaps?limit=0'                | TestIdentity.officer(Ids.newId(), '92') || 400
        '/coverage/history?from=2026-11-02&to=2026-11-01' | TestIdentity.officer(Ids.newId(), '92') || 400
        '/payments?stars=3'                     | TestIdentity.officer(Ids.newId(), '92') || 400
        '/coverage?province=79'                 | TestIdentity.admin(Ids.newId())         || 200
        '/coverage'                             | TestIdentity.admin(Ids.newId())         || 200
        '/coverage?province=92'                 | TestIdentity.officer(Ids.newId(), '92') || 200
    }

    List<List<Object>> productSales(String query) {
        report("/sales?$query&by=product").rows.collect { [it.key.code, it.orders, it.units, it.goodsVnd] }
    }
}
