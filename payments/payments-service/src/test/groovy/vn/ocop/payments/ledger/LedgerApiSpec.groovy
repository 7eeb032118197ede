package vn.ocop.payments.ledger

import io.micronaut.context.annotation.Property
import io.micronaut.http.HttpRequest
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import vn.ocop.catalog.api.CatalogEvents
import vn.ocop.catalog.api.ProductPublished
import vn.ocop.orders.api.OrderCompleted
import vn.ocop.orders.api.OrderPaid
import vn.ocop.orders.api.OrdersEvents
import vn.ocop.payments.api.PaymentMethod
import vn.ocop.payments.api.PaymentsEvents
import vn.ocop.payments.api.RefundCompleted
import vn.ocop.platform.Infra
import vn.ocop.platform.ServiceSpecification
import vn.ocop.platform.consumer.EventDispatcher
import vn.ocop.platform.event.Ids
import vn.ocop.platform.security.TestIdentity

/**
 * The ledger over HTTP: commission rates for administrators (and what they do to an order's commission), and a seller's
 * balance and entries for the seller itself and administrators only.
 */
@MicronautTest(transactional = false)
@Property(name = 'spec.name', value = 'LedgerApiSpec')
@Property(name = 'ocop.events.consumer.enabled', value = 'false')
@Property(name = 'ocop.events.relay.enabled', value = 'false')
@Property(name = 'ocop.payments.refunds.worker.enabled', value = 'false')
@Property(name = 'ocop.payments.payouts.schedule.enabled', value = 'false')
class LedgerApiSpec extends ServiceSpecification {

    static final String RATES = '/api/v1/admin/payments/commission'

    @Inject EventDispatcher dispatcher
    UUID admin = Ids.newId()

    def setup() {
        LedgerDb.clean(tx)
    }

    def "administrators set rates per OCOP group and per seller; the default covers the rest"() {
        given:
        def token = TestIdentity.admin(admin)

        when:
        def set = call(HttpRequest.PUT("$RATES/groups/HANDICRAFTS", [rateBps: 1200]).bearerAuth(token))

        then:
        set.status().code == 200
        body(set).defaultBps == 500
        body(set).groups == [FOOD: 500, BEVERAGES: 500, HERBAL: 500, HANDICRAFTS: 1200, ORNAMENTALS: 500, TOURISM: 500]
        body(set).groupsSet == [HANDICRAFTS: 1200]

        when:
        UUID seller = Ids.newId()
        def own = call(HttpRequest.PUT("$RATES/sellers/$seller", [rateBps: 0]).bearerAuth(token))

        then:
        body(own) == [sellerId: seller.toString(), rateBps: 0, own: true]

        when:
        call(HttpRequest.DELETE("$RATES/groups/HANDICRAFTS").bearerAuth(token))
        def cleared = call(HttpRequest.DELETE("$RATES/sellers/$seller").bearerAuth(token))

        then:
        body(cleared).sellerId == seller.toString()
        !body(cleared).own
        body(cleared).rateBps == null
        body(call(HttpRequest.GET(RATES).bearerAuth(token))).groupsSet == [:]
    }

    def "#problem is refused with #status (#code) and changes nothing"() {
        given:
        call(HttpRequest.PUT("$RATES/groups/FOOD", [rateBps: 700]).bearerAuth(TestIdentity.admin(admin)))

        when:
        def response = call(HttpRequest.PUT("$RATES/$path", request).bearerAuth(token).header('Accept-Language', 'en'))

        then:
        response.status().code == status
        status == 403 || response.contentType.get().toString().startsWith('application/problem+json')
        status == 403 || body(response).code == code
        Infra.rows(tx, 'SELECT ocop_group, rate_bps FROM commission_group_rates') == [[ocop_group: 'FOOD', rate_bps: 700]]
        Infra.count(tx, 'SELECT COUNT(*) FROM commission_seller_rates') == 0

        where:
        problem                  | path                          | request           | token                              || status | code
        'a negative rate'        | 'groups/FOOD'                 | [rateBps: -1]     | TestIdentity.admin(Ids.newId())    || 400    | 'invalid_request'
        'a rate above 100%'      | 'groups/FOOD'                 | [rateBps: 10_001] | TestIdentity.admin(Ids.newId())    || 400    | 'invalid_request'
        'no rate'                | 'groups/FOOD'                 | [:]               | TestIdentity.admin(Ids.newId())    || 400    | 'invalid_request'
        'a rate that is no number' | 'groups/FOOD'               | [rateBps: 'năm']  | TestIdentity.admin(Ids.newId())    || 400    | 'unreadable_body'
        'an unknown group'       | 'groups/SEAFOOD'              | [rateBps: 300]    | TestIdentity.admin(Ids.newId())    || 404    | 'unknown_ocop_group'
        'a seller rate above 100%' | "sellers/${Ids.newId()}"    | [rateBps: 20_000] | TestIdentity.admin(Ids.newId())    || 400    | 'invalid_request'
        'a seller setting rates' | 'groups/FOOD'                 | [rateBps: 0]      | TestIdentity.seller(Ids.newId())   || 403    | null
        'an officer'             | 'groups/FOOD'                 | [rateBps: 0]      | TestIdentity.officer(Ids.newId(), '92') || 403 | null
    }

    def "an unknown group's problem says so in Vietnamese by default"() {
        expect:
        def response = call(HttpRequest.PUT("$RATES/groups/HAI_SAN", [rateBps: 300]).bearerAuth(TestIdentity.admin(admin)))
        body(response).detail.startsWith('Không có nhóm OCOP HAI_SAN')
    }

    def "the commission is one rounding of the lines' rates by their products' groups, and a seller's own rate wins"() {
        given: 'FOOD 5%, BEVERAGES 8%: 10,010 dong of each is 500.5 + 800.8 = 1,301.3, so 1,301 (rounded per line it would be 1,302)'
        def token = TestIdentity.admin(admin)
        call(HttpRequest.PUT("$RATES/groups/BEVERAGES", [rateBps: 800]).bearerAuth(token))
        UUID seller = Ids.newId(), other = Ids.newId()
        UUID rice = product(seller, 'FOOD'), tea = product(seller, 'BEVERAGES')
        UUID otherRice = product(other, 'FOOD'), otherTea = product(other, 'BEVERAGES')
        call(HttpRequest.PUT("$RATES/sellers/$other", [rateBps: 150]).bearerAuth(token))

        when:
        completed(seller, [LedgerDb.line(rice, 1, 10_010), LedgerDb.line(tea, 1, 10_010)], 25_000)
        completed(other, [LedgerDb.line(otherRice, 1, 10_010), LedgerDb.line(otherTea, 1, 10_010)], 25_000)

        then: 'shipping carries no commission'
        LedgerDb.balances(tx, seller) == [pending: 0L, available: 20_020L + 25_000L - 1_301L, owed: 0L]
        LedgerDb.balances(tx, other) == [pending: 0L, available: 20_020L + 25_000L - 300L, owed: 0L] // 1.5% of 20,020 = 300.3
    }

    def "a seller reads its own balance and entries, newest first, a page at a time; an administrator reads any"() {
        given:
        UUID seller = Ids.newId()
        UUID rice = product(seller, 'FOOD')
        UUID first = completed(seller, [LedgerDb.line(rice, 2, 100_000)], 0)       // 200,000, 10,000 commission
        UUID second = paid(seller, [LedgerDb.line(rice, 1, 100_000)], 20_000)       // 120,000 pending
        dispatch(PaymentsEvents.STREAM, RefundCompleted.TYPE, second, LedgerDb.refunded(second, 20_000))

        when:
        def balance = call(HttpRequest.GET("/api/v1/payments/sellers/$seller/balance").bearerAuth(TestIdentity.seller(seller)))

        then:
        body(balance) == [sellerId: seller.toString(), pendingVnd: 100_000, availableVnd: 190_000, owedVnd: 0, payableVnd: 190_000]

        when:
        def page1 = body(call(HttpRequest.GET("/api/v1/payments/sellers/$seller/ledger-entries?limit=2")
                .bearerAuth(TestIdentity.seller(seller))))
        def page2 = body(call(HttpRequest.GET("/api/v1/payments/sellers/$seller/ledger-entries?limit=2&cursor=$page1.nextCursor")
                .bearerAuth(TestIdentity.admin(admin))))

        then:
        page1.items*.type == ['REFUND', 'ORDER_PAID']
        page1.items*.orderId == [second.toString(), second.toString()]
        page1.items[0].lines == [[account: 'SELLER_PENDING', debitVnd: 20_000, creditVnd: 0],
                                 [account: 'REFUNDS', debitVnd: 0, creditVnd: 20_000]]
        page1.items[0].occurredAtLocal.endsWith('+07:00')
        page2.items*.type == ['ORDER_COMPLETED', 'ORDER_PAID']
        page2.items*.orderId == [first.toString(), first.toString()]
        page2.items[0].lines == [[account: 'SELLER_PENDING', debitVnd: 200_000, creditVnd: 0],
                                 [account: 'SELLER_AVAILABLE', debitVnd: 0, creditVnd: 190_000],
                                 [account: 'COMMISSION_REVENUE', debitVnd: 0, creditVnd: 10_000]]
        page2.nextCursor == null
    }

    def "#who cannot read a seller's ledger (#status)"() {
        given:
        UUID seller = Ids.newId()

        when:
        def balance = call(HttpRequest.GET("/api/v1/payments/sellers/$seller/balance").bearerAuth(tokenOf(seller)))
        def entries = call(HttpRequest.GET("/api/v1/payments/sellers/$seller/ledger-entries").bearerAuth(tokenOf(seller)))

        then:
        balance.status().code == status
        entries.status().code == status

        where:
        who              | tokenOf                                            || status
        'another seller' | { UUID s -> TestIdentity.seller(Ids.newId()) }     || 403
        'a buyer'        | { UUID s -> TestIdentity.buyer(s) }                || 403
        'an officer'     | { UUID s -> TestIdentity.officer(Ids.newId(), '92') } || 403
        'a helper'       | { UUID s -> TestIdentity.token(Ids.newId(), ['HELPER']) } || 403
    }

    def "a cursor that is not one is a 400 naming it"() {
        given:
        UUID seller = Ids.newId()

        expect:
        def response = call(HttpRequest.GET("/api/v1/payments/sellers/$seller/ledger-entries?cursor=abc")
                .bearerAuth(TestIdentity.seller(seller)))
        response.status().code == 400
        body(response).errors*.field == ['cursor']
    }

    private UUID product(UUID seller, String group) {
        UUID id = Ids.newId()
        dispatch(CatalogEvents.STREAM, ProductPublished.TYPE, id, LedgerDb.product(id, seller, group))
        id
    }

    private UUID paid(UUID seller, List lines, long shipping) {
        UUID order = Ids.newId()
        dispatch(OrdersEvents.STREAM, OrderPaid.TYPE, order, LedgerDb.paid(order, seller, lines, shipping))
        order
    }

    private UUID completed(UUID seller, List lines, long shipping) {
        UUID order = paid(seller, lines, shipping)
        dispatch(OrdersEvents.STREAM, OrderCompleted.TYPE, order,
                LedgerDb.completed(order, seller, PaymentMethod.VNPAY, LedgerDb.goods(lines), shipping))
        order
    }

    private void dispatch(String stream, String type, UUID aggregateId, Object data) {
        assert dispatcher.dispatch(stream, LedgerDb.envelope(json, type, aggregateId, data)) == EventDispatcher.Outcome.HANDLED
    }
}
