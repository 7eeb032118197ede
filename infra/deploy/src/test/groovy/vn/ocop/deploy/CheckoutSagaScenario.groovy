package vn.ocop.deploy

import java.time.Duration
import java.util.concurrent.Callable
import java.util.concurrent.Executors
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.Stepwise
import spock.lang.Timeout
import spock.util.concurrent.PollingConditions

/**
 * The checkout saga across the five services started from their jars, on real MariaDB and Redis: one cart from three
 * sellers paid once; the same checkout sent twice at once; an address outside the official lists; a checkout that
 * lapses unpaid and gives its stock back; a payment confirmed after cancellation, refunded; a paid order cancelled by
 * its buyer and refunded; and cash on delivery from confirmation to delivery.
 */
@Stepwise
@Timeout(600)
class CheckoutSagaScenario extends Specification {

    @Shared ServiceProcesses services = new ServiceProcesses()
    @Shared @AutoCleanup Api api
    @Shared @AutoCleanup EndState state
    @Shared Marketplace market
    @Shared Marketplace.Session buyer, officer
    @Shared List<Marketplace.Session> sellers = []
    @Shared List<String> skus = []
    PollingConditions conditions = new PollingConditions(timeout: 30, delay: 0.2)

    def setupSpec() {
        services.reset()
        services.startAll()
        api = new Api(services.urls())
        state = new EndState(services)
        market = new Marketplace(api, Duration.ofSeconds(30))
        def admin = market.login(ServiceProcesses.ADMIN_EMAIL, ServiceProcesses.ADMIN_PASSWORD)
        officer = market.ensureStaff(admin, 'OFFICER', 'canbo@saga.ocop.local', 'Saga-Officer-2025', 'Cán bộ Cần Thơ', '92')
        [['Gạo ST25 Hồ Quang', 220000, 5100], ['Mật ong U Minh', 150000, 700], ['Nước mắm Trần Đề', 95000, 1200]]
                .eachWithIndex { product, i ->
                    def seller = market.ensureSeller(DemoData.sellerRegistration() + [email: "seller$i@saga.ocop.local".toString(),
                                                                                      phone: "091200030$i".toString(),
                                                                                      displayName: product[0]])
                    market.ensureVerified(officer, seller, DemoData.sellerProfile() + [phone: "091200030$i".toString(),
                            email: "seller$i@saga.ocop.local".toString(), displayName: product[0],
                            businessCode: "220011300$i".toString()], DemoData.sellerPayout())
                    def listed = market.ensureProduct(seller, [name: product[0], ocopGroup: 'FOOD', originCommuneCode: DemoData.MY_XUYEN,
                                                               skus: [[code: "SKU-$i".toString(), label: 'Gói', unit: 'gói',
                                                                       priceVnd: product[1], weightGrams: product[2], stock: 50]]])
                    sellers << seller
                    skus << listed.skus[0].id
                }
        buyer = market.ensureBuyer('0987000222', 'buyer@saga.ocop.local', 'Saga-Buyer-2025', 'Lê Thị Hoa')
    }

    def cleanupSpec() {
        services.stopAll()
    }

    def "one cart from three sellers is one checkout and one payment, and three orders each seller sees as its own"() {
        when:
        def placed = market.checkout(buyer, cart([0: 2, 1: 1, 2: 3]), UUID.randomUUID().toString())
        String checkoutId = placed.text('id')
        market.payWithStandIn(market.awaitPaymentUrl(buyer, checkoutId))
        def paid = market.awaitStatus(buyer, checkoutId, 'PAID')

        then:
        placed.status() == 201
        paid.orders*.status == ['PAID', 'PAID', 'PAID']
        paid.orders*.sellerId as Set == sellers*.accountId()*.toString() as Set
        paid.totalVnd == paid.orders*.totalVnd.sum()
        state.rows('payments', 'SELECT state, amount_vnd FROM payment_sessions WHERE checkout_id = ?', [checkoutId]) ==
                [[state: 'SUCCEEDED', amount_vnd: paid.totalVnd as long]]

        and: 'catalog sold every line, and each event happened once per checkout or per order'
        conditions.eventually {
            assert state.rows('catalog', 'SELECT SUM(sold) AS sold FROM skus WHERE id IN (?, ?, ?)', skus)*.sold*.intValue() == [6]
            assert state.eventCounts(checkoutId) == [CheckoutPlaced      : 1, StockReserved: 1, CheckoutAwaitingPayment: 1,
                                                     PaymentSessionOpened: 1, PaymentSucceeded: 1, OrderPaid: 3, StockCommitted: 3]
        }

        and: 'each seller lists exactly its own order, with where to ship it'
        sellers.every { seller ->
            def mine = api.get(services.url('orders'), "/api/v1/sellers/${seller.accountId()}/orders", seller.accessToken()).body()
            mine.items.size() == 1 && mine.items[0].seller.id == seller.accountId().toString() &&
                    mine.items[0].shippingAddress.communeCode == DemoData.MY_XUYEN
        }
        ServiceProcesses.SERVICES.every { state.deadLetters(it) == 0 }
    }

    def "the same checkout sent twice at once creates one checkout; an address outside the official lists creates none"() {
        given:
        long before = checkouts()
        String key = UUID.randomUUID().toString()
        def pool = Executors.newFixedThreadPool(2)

        when:
        def responses = pool.invokeAll((1..2).collect { { -> market.checkout(buyer, cart([0: 1]), key) } as Callable })*.get()
        pool.shutdown()
        def nowhere = market.checkout(buyer, cart([0: 1]) + [shippingAddress: address() + [communeCode: '99999']],
                UUID.randomUUID().toString())

        then:
        responses*.status() as Set == [201] as Set
        responses*.text('id').unique().size() == 1
        checkouts() == before + 1
        nowhere.status() == 422
        nowhere.text('code') == 'address_unknown'
    }

    def "a checkout unpaid when its reservation lapses is cancelled, its stock released and its payment session closed"() {
        given: 'reservations held for 8 seconds'
        services.restart('catalog', [OCOP_CATALOG_RESERVATION_TTL: '8s'])
        int available = availableOf(skus[1])

        when:
        String checkoutId = market.checkout(buyer, cart([1: 4]), UUID.randomUUID().toString()).text('id')
        market.awaitPaymentUrl(buyer, checkoutId)
        def cancelled = market.awaitStatus(buyer, checkoutId, 'CANCELLED')

        then:
        cancelled.cancelReason == 'EXPIRED'
        cancelled.orders*.status == ['CANCELLED']
        conditions.eventually {
            assert availableOf(skus[1]) == available
            assert state.rows('catalog', 'SELECT status FROM reservations WHERE checkout_id = ?', [checkoutId])*.status == ['RELEASED']
            assert state.rows('payments', 'SELECT state FROM payment_sessions WHERE checkout_id = ?', [checkoutId])*.state == ['CANCELLED']
        }
        state.eventCounts(checkoutId).subMap(['CheckoutCancelled', 'OrderCancelled', 'StockReleased', 'OrderPaid']) ==
                [CheckoutCancelled: 1, OrderCancelled: 1, StockReleased: 1]

        cleanup:
        services.restart('catalog')
    }

    def "a payment confirmed after its checkout was cancelled is refunded, never a paid order"() {
        given: 'the buyer has the VNPay page open'
        int available = availableOf(skus[1])
        String checkoutId = market.checkout(buyer, cart([1: 2]), UUID.randomUUID().toString()).text('id')
        String payUrl = market.awaitPaymentUrl(buyer, checkoutId)
        String payLink = market.openStandIn(payUrl)

        when: 'the checkout is cancelled (here by the buyer, in another tab), then the buyer confirms the payment at VNPay'
        def cancelled = api.post(services.url('orders'), "/api/v1/checkouts/$checkoutId/cancellation", [:], buyer.accessToken())
        conditions.eventually {
            assert state.rows('payments', 'SELECT state FROM payment_sessions WHERE checkout_id = ?', [checkoutId])*.state == ['CANCELLED']
        }
        market.payAtStandIn(payUrl, payLink)

        then: 'the money is captured, refunded through VNPay once, and the stock stays on sale'
        cancelled.get('status') == 'CANCELLED'
        market.awaitStatus(buyer, checkoutId, 'REFUNDED').orders*.status == ['CANCELLED']
        conditions.eventually {
            assert availableOf(skus[1]) == available
        }
        state.rows('payments', 'SELECT state, amount_vnd FROM refunds WHERE checkout_id = ?', [checkoutId])*.state == ['SUCCEEDED']
        state.eventCounts(checkoutId).subMap(['CheckoutCancelled', 'PaymentSucceeded', 'RefundRequested', 'RefundCompleted', 'OrderPaid']) ==
                [CheckoutCancelled: 1, PaymentSucceeded: 1, RefundRequested: 1, RefundCompleted: 1]
    }

    def "the buyer cancels a paid order before shipment: its units go back on sale and its total is refunded"() {
        given:
        int available = availableOf(skus[2])
        String checkoutId = market.checkout(buyer, cart([2: 2]), UUID.randomUUID().toString()).text('id')
        market.payWithStandIn(market.awaitPaymentUrl(buyer, checkoutId))
        def order = market.awaitStatus(buyer, checkoutId, 'PAID').orders[0]

        when:
        def cancelled = api.post(services.url('orders'), "/api/v1/orders/${order.id}/cancellation", [reason: 'Đặt nhầm'],
                buyer.accessToken())

        then:
        cancelled.status() == 200
        conditions.eventually {
            assert api.get(services.url('orders'), "/api/v1/orders/${order.id}", buyer.accessToken()).body().status == 'REFUNDED'
            assert availableOf(skus[2]) == available
        }
    }

    def "cash on delivery: confirmed without payment, shipped, delivered with the cash collected"() {
        given:
        def seller = sellers[0]

        when:
        String checkoutId = market.checkout(buyer, cart([0: 1]) + [paymentMethod: 'COD'], UUID.randomUUID().toString()).text('id')
        def confirmed = market.awaitStatus(buyer, checkoutId, 'CONFIRMED')
        String orderId = confirmed.orders[0].id
        def shipped = api.post(services.url('orders'), "/api/v1/orders/$orderId/shipment",
                [carrier: 'VNPost', trackingNumber: 'EB000000001VN', lines: []], seller.accessToken())
        def delivered = api.post(services.url('orders'), "/api/v1/orders/$orderId/delivery", [:], seller.accessToken())

        then:
        shipped.status() == 200
        delivered.get('status') == 'DELIVERED'
        state.count('payments', 'SELECT COUNT(*) FROM payment_sessions WHERE checkout_id = ?', [checkoutId]) == 0
        conditions.eventually {
            assert state.rows('catalog', 'SELECT status FROM reservations WHERE checkout_id = ?', [checkoutId])*.status == ['COMMITTED']
            assert state.eventCounts(checkoutId).subMap(['OrderConfirmed', 'StockCommitted', 'OrderShipped', 'OrderDelivered']) ==
                    [OrderConfirmed: 1, StockCommitted: 1, OrderShipped: 1, OrderDelivered: 1]
        }
        ServiceProcesses.SERVICES.every { state.deadLetters(it) == 0 }
    }

    private Map cart(Map<Integer, Integer> quantities) {
        [lines          : quantities.collect { i, q -> [skuId: skus[i], quantity: q] },
         shippingAddress: address(),
         paymentMethod  : 'VNPAY']
    }

    private static Map address() {
        [recipientName: 'Lê Thị Hoa', phone: '0987000222', street: '12 Hòa Bình', communeCode: DemoData.MY_XUYEN, provinceCode: '92']
    }

    private long checkouts() {
        state.count('orders', 'SELECT COUNT(*) FROM checkouts WHERE buyer_id = ?', [buyer.accountId().toString()])
    }

    private int availableOf(String skuId) {
        state.rows('catalog', 'SELECT available FROM skus WHERE id = ?', [skuId]).first().available as int
    }
}
