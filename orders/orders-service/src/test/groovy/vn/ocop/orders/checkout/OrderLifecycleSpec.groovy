package vn.ocop.orders.checkout

import io.micronaut.http.HttpRequest
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import spock.util.concurrent.PollingConditions
import java.time.Instant
import java.time.temporal.ChronoUnit
import java.util.concurrent.Callable
import java.util.concurrent.Executors
import vn.ocop.catalog.api.CatalogEvents
import vn.ocop.catalog.api.DelegationChanged
import vn.ocop.catalog.api.StockReserved
import vn.ocop.orders.OrdersSpecification
import vn.ocop.orders.api.CheckoutAwaitingPayment
import vn.ocop.orders.api.CheckoutCancelled
import vn.ocop.orders.api.OrderCancelled
import vn.ocop.orders.api.OrderCompleted
import vn.ocop.orders.api.OrderConfirmed
import vn.ocop.orders.api.OrderDelivered
import vn.ocop.orders.api.OrderShipped
import vn.ocop.orders.api.RefundRequested
import vn.ocop.payments.api.PaymentMethod
import vn.ocop.payments.api.PaymentSucceeded
import vn.ocop.payments.api.RefundCompleted
import vn.ocop.platform.Infra
import vn.ocop.platform.TestEvents
import vn.ocop.platform.event.Ids
import vn.ocop.platform.security.Roles
import vn.ocop.platform.security.TestIdentity
import vn.ocop.traceability.api.LotRegistered
import vn.ocop.traceability.api.TraceabilityEvents

/**
 * Seller orders after checkout, driven through the HTTP API and the real streams: cash on delivery, shipping with
 * lots, delivery, automatic completion, cancellation with refunds, expiry, and who may see or touch what. Orders
 * shipped here count as delivered after 8 s and complete 1 s after delivery.
 */
@MicronautTest(transactional = false)
class OrderLifecycleSpec extends OrdersSpecification {

    @Inject OrderSweeps sweeps

    UUID buyer = Ids.newId()
    UUID riceSeller = Ids.newId()
    UUID honeySeller = Ids.newId()

    @Override
    Map<String, String> getProperties() {
        super.getProperties() + ['ocop.orders.auto-deliver-after': '8s', 'ocop.orders.complete-after': '1s']
    }

    def "cash on delivery: confirmed at once, shipped, delivered with the cash collected, then completed"() {
        given:
        UUID rice = productOnSale(riceSeller, 'Gạo ST25')
        UUID honey = productOnSale(honeySeller, 'Mật ong U Minh', 150000, 700)
        UUID checkoutId = reserved(checkout(buyer, checkoutBody([[rice, 2], [honey, 1]], 'COD')))

        expect: 'both orders are confirmed, each announced once for catalog to sell its units; nobody is asked to collect'
        conditions.eventually {
            assert view(buyer, checkoutId).status == 'CONFIRMED'
            assert ordersEvents(OrderConfirmed.TYPE, checkoutId).size() == 2
        }
        view(buyer, checkoutId).orders*.status == ['CONFIRMED', 'CONFIRMED']
        ordersEvents(CheckoutAwaitingPayment.TYPE, checkoutId).isEmpty()

        when: 'the rice seller ships (its product has no registered lot) and records the cash collected'
        def order = orderOf(checkoutId, riceSeller)
        def shipped = act(riceSeller, "/api/v1/orders/${order.id}/shipment", [carrier: 'VNPost', trackingNumber: 'EB123456789VN', lines: []])
        def delivered = act(riceSeller, "/api/v1/orders/${order.id}/delivery", [:])

        then:
        shipped.status().code == 200
        body(shipped).status == 'SHIPPED'
        body(shipped).shipment == [carrier: 'VNPost', trackingNumber: 'EB123456789VN']
        body(delivered).status == 'DELIVERED'
        ordersEvents(OrderDelivered.TYPE, checkoutId)*.data*.cashCollectedVnd == [order.totalVnd]
        ordersEvents(OrderDelivered.TYPE, checkoutId)*.data*.confirmedBy == ['SELLER']

        and: 'a day later (here: a second) it completes by itself, once'
        conditions.eventually {
            assert orderView(buyer, order.id).status == 'COMPLETED'
            assert ordersEvents(OrderCompleted.TYPE, checkoutId)*.data*.orderId == [order.id]
        }
        orderView(buyer, order.id).history*.to == ['PENDING_STOCK', 'CONFIRMED', 'SHIPPED', 'DELIVERED', 'COMPLETED']
        orderView(buyer, order.id).history*.byRole == ['BUYER', 'SYSTEM', 'SELLER', 'SELLER', 'SYSTEM']
    }

    def "a paid order ships with the lot of each line; wrong lots, strangers and repeats are refused and change nothing"() {
        given:
        UUID productId = Ids.newId()
        UUID rice = productOnSale(riceSeller, 'Gạo ST25', 220000, 5100, 1, productId)
        lot(productId, 'ST25-2026-11A')
        UUID checkoutId = paid(checkout(buyer, checkoutBody([[rice, 2]])))
        def order = orderOf(checkoutId, riceSeller)
        String path = "/api/v1/orders/${order.id}/shipment"

        expect: 'shipping needs the lot of the product, not another one'
        def noLot = act(riceSeller, path, [carrier: 'GHTK', trackingNumber: 'S1', lines: []])
        noLot.status().code == 422
        body(noLot).errors*.message == ['line 1 (Gạo ST25) needs the lot its units came from']
        def wrongLot = act(riceSeller, path, [carrier: 'GHTK', trackingNumber: 'S1', lines: [[lineNo: 1, lotCode: 'MAT-ONG-01']]])
        wrongLot.status().code == 422
        body(wrongLot).errors*.field == ['lines[0].lotCode']
        act(riceSeller, path, [carrier: 'GHTK', trackingNumber: 'S1', lines: [[lineNo: 7, lotCode: 'ST25-2026-11A']]]).status().code == 422
        act(riceSeller, path, [carrier: '', trackingNumber: 'S1', lines: []]).status().code == 400

        and: 'another seller does not even learn the order exists; the buyer and an officer may not ship it'
        act(honeySeller, path, [carrier: 'GHTK', trackingNumber: 'S1', lines: []]).status().code == 404
        act(buyer, path, [carrier: 'GHTK', trackingNumber: 'S1', lines: []], TestIdentity.buyer(buyer)).status().code == 403
        act(Ids.newId(), path, [carrier: 'GHTK', trackingNumber: 'S1', lines: []], TestIdentity.officer(Ids.newId(), '92'))
                .status().code == 403
        orderView(buyer, order.id).status == 'PAID'
        ordersEvents(OrderShipped.TYPE, checkoutId).isEmpty()

        when: 'a helper with the seller ORDERS delegation ships it with the right lot'
        UUID helper = Ids.newId()
        delegate(riceSeller, helper, [DelegationChanged.ORDERS], Instant.now().plus(30, ChronoUnit.DAYS))
        def shipped = act(helper, path, [carrier: 'GHTK', trackingNumber: 'S1', lines: [[lineNo: 1, lotCode: 'ST25-2026-11A']]],
                TestIdentity.token(helper, [Roles.HELPER]))

        then:
        shipped.status().code == 200
        body(shipped).lines*.lotCode == ['ST25-2026-11A']
        ordersEvents(OrderShipped.TYPE, checkoutId)*.data*.lines == [[[skuId: rice.toString(), productId: productId.toString(),
                                                                        quantity: 2, lotCode: 'ST25-2026-11A']]]
        orderView(buyer, order.id).history.last() .byRole == 'HELPER'

        and: 'shipping twice is a conflict; the seller cannot confirm delivery of an order paid online'
        act(riceSeller, path, [carrier: 'GHTK', trackingNumber: 'S2', lines: [[lineNo: 1, lotCode: 'ST25-2026-11A']]]).status().code == 409
        act(riceSeller, "/api/v1/orders/${order.id}/delivery", [:]).status().code == 403

        when: 'the buyer confirms delivery'
        def delivered = act(buyer, "/api/v1/orders/${order.id}/delivery", [:], TestIdentity.buyer(buyer))

        then:
        body(delivered).status == 'DELIVERED'
        ordersEvents(OrderDelivered.TYPE, checkoutId)*.data*.confirmedBy == ['BUYER']
        conditions.eventually {
            assert orderView(buyer, order.id).status == 'COMPLETED'
        }
    }

    def "an order paid online and shipped, that nobody confirms, counts as delivered and then completes"() {
        given:
        UUID rice = productOnSale(riceSeller)
        UUID checkoutId = paid(checkout(buyer, checkoutBody([[rice, 1]])))
        def order = orderOf(checkoutId, riceSeller)

        when:
        act(riceSeller, "/api/v1/orders/${order.id}/shipment", [carrier: 'VNPost', trackingNumber: 'EB1', lines: []])

        then:
        new PollingConditions(timeout: 30).eventually {
            assert orderView(buyer, order.id).status == 'COMPLETED'
        }
        ordersEvents(OrderDelivered.TYPE, checkoutId)*.data*.confirmedBy == ['SYSTEM']
        ordersEvents(OrderCompleted.TYPE, checkoutId).size() == 1
    }

    def "the buyer cancels a paid order before shipment: its units go back, its total is refunded once, nothing more"() {
        given:
        UUID rice = productOnSale(riceSeller)
        UUID honey = productOnSale(honeySeller, 'Mật ong', 150000, 700)
        UUID checkoutId = paid(checkout(buyer, checkoutBody([[rice, 1], [honey, 2]])))
        def order = orderOf(checkoutId, honeySeller)
        String path = "/api/v1/orders/${order.id}/cancellation"

        when:
        def cancelled = act(buyer, path, [reason: 'Đặt nhầm'], TestIdentity.buyer(buyer))
        def again = act(buyer, path, [reason: 'Đặt nhầm'], TestIdentity.buyer(buyer))

        then:
        body(cancelled).status == 'REFUND_PENDING'
        body(cancelled).refundVnd == order.totalVnd
        body(cancelled).cancellation == [by: 'BUYER', reason: 'Đặt nhầm']
        again.status().code == 409
        body(again).code == 'order_status_conflict'
        def events = ordersEvents(OrderCancelled.TYPE, checkoutId)
        events*.data*.orderId == [order.id]
        events.first().data.stockSold == true
        ordersEvents(RefundRequested.TYPE, checkoutId)*.data*.amountVnd == [order.totalVnd]
        ordersEvents(RefundRequested.TYPE, checkoutId).first().data.orderId == order.id

        when: 'payments refunds it (and says so twice)'
        def refund = ordersEvents(RefundRequested.TYPE, checkoutId).first().data
        2.times {
            paymentsSay(RefundCompleted.TYPE, new RefundCompleted(UUID.fromString(refund.refundId), checkoutId, UUID.fromString(order.id),
                    PaymentMethod.VNPAY, order.totalVnd as long, '14422999', Instant.now()))
        }

        then:
        conditions.eventually {
            assert orderView(buyer, order.id).status == 'REFUNDED'
        }
        orderView(buyer, order.id).history*.to.count('REFUNDED') == 1

        and: 'the other seller order goes on; an empty reason is refused; shipped orders cannot be cancelled'
        def other = orderOf(checkoutId, riceSeller)
        orderView(buyer, other.id).status == 'PAID'
        act(buyer, "/api/v1/orders/${other.id}/cancellation", [reason: ' '], TestIdentity.buyer(buyer)).status().code == 400
        act(riceSeller, "/api/v1/orders/${other.id}/shipment", [carrier: 'VNPost', trackingNumber: 'EB2', lines: []]).status().code == 200
        act(buyer, "/api/v1/orders/${other.id}/cancellation", [reason: 'Muộn'], TestIdentity.buyer(buyer)).status().code == 409
    }

    def "an unpaid checkout lapses at its pay-before time: cancelled once however many sweeps run, and a late payment is refunded"() {
        given:
        UUID rice = productOnSale(riceSeller)
        UUID honey = productOnSale(honeySeller, 'Mật ong', 150000, 700)
        UUID checkoutId = reserved(checkout(buyer, checkoutBody([[rice, 1], [honey, 1]])), Instant.now().plusSeconds(1))

        when: 'once its pay-before time has passed, four more sweeps run at once beside the scheduled one, as several instances would'
        conditions.eventually {
            assert Infra.count(tx, 'SELECT COUNT(*) FROM checkouts WHERE id = ? AND pay_before < UTC_TIMESTAMP(6)', [checkoutId.toString()]) == 1
        }
        def pool = Executors.newFixedThreadPool(4)
        pool.invokeAll((1..4).collect { { -> sweeps.sweep() } as Callable })
        pool.shutdown()

        then:
        conditions.eventually {
            assert view(buyer, checkoutId).status == 'CANCELLED'
            assert ordersEvents(OrderCancelled.TYPE, checkoutId).size() == 2
        }
        view(buyer, checkoutId).orders*.status == ['CANCELLED', 'CANCELLED']
        ordersEvents(CheckoutCancelled.TYPE, checkoutId)*.data*.reason == ['EXPIRED']
        ordersEvents(OrderCancelled.TYPE, checkoutId)*.data*.stockSold == [false, false]
        Infra.count(tx, 'SELECT COUNT(*) FROM checkout_history WHERE checkout_id = ? AND to_status = ?',
                [checkoutId.toString(), 'CANCELLED']) == 1

        when: 'the provider still captures the payment'
        def total = view(buyer, checkoutId).totalVnd as long
        paymentsSay(PaymentSucceeded.TYPE, new PaymentSucceeded(Ids.newId(), checkoutId, PaymentMethod.VNPAY, total, '1442', Instant.now()))

        then: 'it is to be refunded, never a paid order'
        conditions.eventually {
            assert view(buyer, checkoutId).status == 'REFUND_PENDING'
            assert ordersEvents(RefundRequested.TYPE, checkoutId)*.data*.amountVnd == [total]
        }
        view(buyer, checkoutId).orders*.status == ['CANCELLED', 'CANCELLED']

        when: 'payments refunds it'
        def refund = ordersEvents(RefundRequested.TYPE, checkoutId).first().data
        paymentsSay(RefundCompleted.TYPE, new RefundCompleted(UUID.fromString(refund.refundId), checkoutId, null, PaymentMethod.VNPAY,
                total, '14423000', Instant.now()))

        then:
        conditions.eventually {
            assert view(buyer, checkoutId).status == 'REFUNDED'
        }
    }

    def "the buyer cancels a checkout awaiting payment; nobody else can, and a paid one cannot be"() {
        given:
        UUID rice = productOnSale(riceSeller)
        UUID checkoutId = reserved(checkout(buyer, checkoutBody([[rice, 1]])))
        String path = "/api/v1/checkouts/$checkoutId/cancellation"

        expect:
        act(Ids.newId(), path, [:], TestIdentity.buyer(Ids.newId())).status().code == 404
        def cancelled = act(buyer, path, [:], TestIdentity.buyer(buyer))
        body(cancelled).status == 'CANCELLED'
        body(cancelled).cancelReason == 'BUYER'
        act(buyer, path, [:], TestIdentity.buyer(buyer)).status().code == 409
        ordersEvents(CheckoutCancelled.TYPE, checkoutId)*.data*.reason == ['BUYER']

        and:
        UUID paidId = paid(checkout(buyer, checkoutBody([[rice, 1]])))
        act(buyer, "/api/v1/checkouts/$paidId/cancellation", [:], TestIdentity.buyer(buyer)).status().code == 409
        def unpaidOrder = orderOf(checkoutId, riceSeller)
        act(buyer, "/api/v1/orders/${unpaidOrder.id}/cancellation", [reason: 'x'], TestIdentity.buyer(buyer)).status().code == 409
    }

    def "a seller order stays private: buyer, seller, helper and officer each see what is theirs, page by page"() {
        given:
        UUID rice = productOnSale(riceSeller)
        UUID honey = productOnSale(honeySeller, 'Mật ong', 150000, 700, 1, Ids.newId(), Ids.newId(), '01')
        3.times { paid(checkout(buyer, checkoutBody([[rice, 1], [honey, 1]]))) }
        UUID helper = Ids.newId()
        UUID lapsedHelper = Ids.newId()
        delegate(riceSeller, helper, [DelegationChanged.ORDERS], Instant.now().plus(1, ChronoUnit.DAYS))
        delegate(riceSeller, lapsedHelper, ['LISTINGS'], Instant.now().plus(1, ChronoUnit.DAYS))

        when: 'the buyer pages through its six orders two at a time'
        def pages = []
        String cursor = null
        for (;;) {
            def page = read(HttpRequest.GET("/api/v1/buyers/me/orders?limit=2" + (cursor ? "&cursor=$cursor" : ''))
                    .bearerAuth(TestIdentity.buyer(buyer))) as Map
            pages << page.items
            cursor = page.nextCursor
            if (!cursor) break
        }

        then:
        pages*.size() == [2, 2, 2]
        pages.flatten()*.id.unique().size() == 6
        pages.flatten().every { it.shippingAddress.communeCode == '31900' }

        and: 'the rice seller and its ORDERS helper see the three rice orders with the address; a LISTINGS helper sees none'
        sellerOrders(riceSeller, TestIdentity.seller(riceSeller)).items.size() == 3
        sellerOrders(riceSeller, TestIdentity.token(helper, [Roles.HELPER])).items*.seller*.id.unique() == [riceSeller.toString()]
        sellerOrders(riceSeller, TestIdentity.token(helper, [Roles.HELPER])).items.every { it.shippingAddress }
        call(HttpRequest.GET("/api/v1/sellers/$riceSeller/orders").bearerAuth(TestIdentity.token(lapsedHelper, [Roles.HELPER])))
                .status().code == 403
        call(HttpRequest.GET("/api/v1/sellers/$riceSeller/orders").bearerAuth(TestIdentity.seller(honeySeller))).status().code == 403

        and: 'an officer reads the orders of sellers in its province, without the buyer address, and no other province'
        def officer = TestIdentity.officer(Ids.newId(), '01')
        def province = read(HttpRequest.GET('/api/v1/orders?limit=100').bearerAuth(officer)) as Map
        province.items*.seller*.provinceCode.unique() == ['01']
        province.items*.seller*.id.contains(honeySeller.toString())
        province.items.every { it.shippingAddress == null }
        call(HttpRequest.GET('/api/v1/orders?province=92').bearerAuth(officer)).status().code == 403
        call(HttpRequest.GET('/api/v1/orders').bearerAuth(TestIdentity.buyer(buyer))).status().code == 403

        and: 'single orders: another buyer and an officer elsewhere learn nothing'
        def riceOrder = pages.flatten().find { it.seller.id == riceSeller.toString() }
        call(HttpRequest.GET("/api/v1/orders/${riceOrder.id}").bearerAuth(TestIdentity.buyer(Ids.newId()))).status().code == 404
        call(HttpRequest.GET("/api/v1/orders/${riceOrder.id}").bearerAuth(officer)).status().code == 404
        call(HttpRequest.GET("/api/v1/orders/${riceOrder.id}").bearerAuth(TestIdentity.officer(Ids.newId(), '92'))).status().code == 200
        call(HttpRequest.GET("/api/v1/buyers/me/orders?cursor=nonsense").bearerAuth(TestIdentity.buyer(buyer))).status().code == 400
    }

    /** Catalog reserves the checkout's stock; returns the checkout id. */
    private UUID reserved(response, Instant payBefore = Instant.now().plus(15, ChronoUnit.MINUTES)) {
        assert response.status().code == 201
        def placed = body(response)
        UUID checkoutId = UUID.fromString(placed.id)
        catalogSays(StockReserved.TYPE, new StockReserved(checkoutId, Ids.newId(), payBefore,
                placed.orders.collectMany { it.lines }.collect { new StockReserved.Line(UUID.fromString(it.skuId), it.quantity) }))
        conditions.eventually {
            assert view(buyer, checkoutId).status in ['AWAITING_PAYMENT', 'CONFIRMED']
        }
        checkoutId
    }

    /** Reserved and paid through payments' event; returns the checkout id once it is PAID. */
    private UUID paid(response) {
        UUID checkoutId = reserved(response)
        paymentsSay(PaymentSucceeded.TYPE, new PaymentSucceeded(Ids.newId(), checkoutId, PaymentMethod.VNPAY,
                view(buyer, checkoutId).totalVnd as long, '1442', Instant.now()))
        conditions.eventually {
            assert view(buyer, checkoutId).status == 'PAID'
        }
        checkoutId
    }

    private Map orderOf(UUID checkoutId, UUID seller) {
        view(buyer, checkoutId).orders.find { it.sellerId == seller.toString() } as Map
    }

    private Map orderView(UUID who, Object orderId) {
        body(call(HttpRequest.GET("/api/v1/orders/$orderId").bearerAuth(TestIdentity.buyer(who))))
    }

    private Map sellerOrders(UUID seller, String token) {
        read(HttpRequest.GET("/api/v1/sellers/$seller/orders").bearerAuth(token)) as Map
    }

    private act(UUID who, String path, Map request, String token = TestIdentity.seller(who)) {
        call(HttpRequest.POST(path, request).bearerAuth(token))
    }

    private void lot(UUID productId, String code) {
        TestEvents.publish(redis, json, TraceabilityEvents.STREAM, LotRegistered.TYPE, code, new LotRegistered(Ids.newId(),
                code, productId, riceSeller, new BigDecimal(850), 'kg', null, Instant.now()))
        conditions.eventually {
            assert Infra.count(tx, 'SELECT COUNT(*) FROM product_lots WHERE product_id = ?', [productId.toString()]) == 1
        }
    }

    private void delegate(UUID seller, UUID helper, List<String> scopes, Instant until) {
        TestEvents.publish(redis, json, CatalogEvents.STREAM, DelegationChanged.TYPE, seller.toString(), new DelegationChanged(
                Ids.newId(), seller, helper, scopes as Set, until, false, 1, Instant.now()))
        conditions.eventually {
            assert Infra.count(tx, 'SELECT COUNT(*) FROM delegations WHERE helper_id = ?', [helper.toString()]) == 1
        }
    }
}
