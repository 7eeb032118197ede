package vn.ocop.catalog.inventory

import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import java.time.Instant
import java.util.concurrent.Callable
import java.util.concurrent.CountDownLatch
import java.util.concurrent.Executors
import vn.ocop.catalog.CatalogSpecification
import vn.ocop.catalog.api.StockCommitted
import vn.ocop.orders.api.CheckoutPlaced
import vn.ocop.orders.api.OrderCancelled
import vn.ocop.orders.api.OrderConfirmed
import vn.ocop.orders.api.OrderPaid
import vn.ocop.orders.api.OrdersEvents
import vn.ocop.payments.api.PaymentMethod
import vn.ocop.platform.Infra
import vn.ocop.platform.TestEvents
import vn.ocop.platform.consumer.EventDispatcher

/** A buyer cancels an order before shipment: once its units were sold, catalog puts them back on sale, once. */
@MicronautTest(transactional = false)
class OrderCancelledSpec extends CatalogSpecification {

    @Inject EventDispatcher dispatcher

    def "an order cancelled after it was #how puts its units back on sale, once, and the search index follows"() {
        given: 'an order of two products, sold'
        UUID seller = verifiedSeller()
        def rice = publishedProduct(seller, 'Gạo ST25', 10)
        UUID riceSku = UUID.fromString(rice.skus[0].id)
        UUID honeySku = UUID.fromString(publishedProduct(seller, 'Mật ong', 2).skus[0].id)
        def placed = checkout([orderLines(seller, [[riceSku, 3], [honeySku, 2]])])
        fromOrders(CheckoutPlaced.TYPE, placed.checkoutId(), placed)
        def order = placed.orders().first()
        fromOrders(saleType, order.orderId(), sale(placed, order))
        assert stock(honeySku) == [available: 0, reserved: 0, sold: 2]
        assert listing(rice.id) == [sold: 3, in_stock: true]

        when:
        fromOrders(OrderCancelled.TYPE, order.orderId(), cancelled(placed, order, true))

        then:
        stock(riceSku) == [available: 10, reserved: 0, sold: 0]
        stock(honeySku) == [available: 2, reserved: 0, sold: 0]
        returns([riceSku, honeySku]) as Set == [
                [sku_id: riceSku.toString(), delta_available: 3, delta_reserved: 0, delta_sold: -3, reference: order.orderId().toString()],
                [sku_id: honeySku.toString(), delta_available: 2, delta_reserved: 0, delta_sold: -2, reference: order.orderId().toString()]
        ] as Set
        listing(rice.id) == [sold: 0, in_stock: true]
        Infra.count(tx, 'SELECT COUNT(*) FROM reservation_lines WHERE order_id = ? AND returned_at IS NOT NULL',
                [order.orderId().toString()]) == 2
        reservationStatus(placed) == 'COMMITTED'

        when: 'orders cancels it again, as another event'
        fromOrders(OrderCancelled.TYPE, order.orderId(), cancelled(placed, order, true))

        then:
        stock(riceSku) == [available: 10, reserved: 0, sold: 0]
        stock(honeySku) == [available: 2, reserved: 0, sold: 0]
        returns([riceSku, honeySku]).size() == 2

        where:
        how         | saleType           | sale
        'paid'      | OrderPaid.TYPE      | { CheckoutPlaced c, CheckoutPlaced.Order o -> paid(c, o) }
        'confirmed' | OrderConfirmed.TYPE | { CheckoutPlaced c, CheckoutPlaced.Order o -> confirmed(c, o) }
    }

    def "only the cancelled order's units come back; the other seller's order stays sold"() {
        given:
        UUID riceSeller = verifiedSeller('Gạo Ông Cua')
        UUID honeySeller = verifiedSeller('Mật ong U Minh')
        UUID riceSku = UUID.fromString(publishedProduct(riceSeller, 'Gạo ST25', 10).skus[0].id)
        UUID honeySku = UUID.fromString(publishedProduct(honeySeller, 'Mật ong', 5).skus[0].id)
        def placed = checkout([orderLines(riceSeller, [[riceSku, 3]]), orderLines(honeySeller, [[honeySku, 4]])])
        fromOrders(CheckoutPlaced.TYPE, placed.checkoutId(), placed)
        def (riceOrder, honeyOrder) = placed.orders()
        placed.orders().each { fromOrders(OrderPaid.TYPE, it.orderId(), paid(placed, it)) }

        when:
        fromOrders(OrderCancelled.TYPE, honeyOrder.orderId(), cancelled(placed, honeyOrder, true))

        then:
        stock(riceSku) == [available: 7, reserved: 0, sold: 3]
        stock(honeySku) == [available: 5, reserved: 0, sold: 0]
        returns([riceSku]).isEmpty()
    }

    def "an order cancelled before it was paid or confirmed changes nothing: its checkout's cancellation releases the stock"() {
        given:
        UUID seller = verifiedSeller()
        UUID sku = UUID.fromString(publishedProduct(seller, 'Gạo ST25', 10).skus[0].id)
        def placed = reserved(seller, sku, 4)
        def order = placed.orders().first()

        when:
        fromOrders(OrderCancelled.TYPE, order.orderId(), cancelled(placed, order, false))

        then:
        stock(sku) == [available: 6, reserved: 4, sold: 0]
        reservationStatus(placed) == 'RESERVED'
        returns([sku]).isEmpty()
    }

    def "a cancellation handled before the sale it follows puts the reserved units back, and the late sale sells nothing"() {
        given: 'orders confirmed the order, then its buyer cancelled it; catalog handles the cancellation first'
        UUID seller = verifiedSeller()
        UUID sku = UUID.fromString(publishedProduct(seller, 'Gạo ST25', 10).skus[0].id)
        def placed = reserved(seller, sku, 4)
        def order = placed.orders().first()

        when:
        dispatcher.dispatch(OrdersEvents.STREAM, TestEvents.envelope(json, OrderCancelled.TYPE, order.orderId().toString(),
                cancelled(placed, order, true)))

        then:
        stock(sku) == [available: 10, reserved: 0, sold: 0]
        returns([sku]) == [[sku_id: sku.toString(), delta_available: 4, delta_reserved: -4, delta_sold: 0,
                            reference: order.orderId().toString()]]
        reservationStatus(placed) == 'RELEASED'

        when: 'the confirmation arrives'
        dispatcher.dispatch(OrdersEvents.STREAM, TestEvents.envelope(json, OrderConfirmed.TYPE, order.orderId().toString(),
                confirmed(placed, order)))

        then:
        stock(sku) == [available: 10, reserved: 0, sold: 0]
        Infra.count(tx, "SELECT COUNT(*) FROM outbox WHERE event_type = ? AND aggregate_id = ?",
                [StockCommitted.TYPE, order.orderId().toString()]) == 0
    }

    def "a cancellation that would take sold stock below zero is refused and changes nothing"() {
        given: 'an order sold, whose sold count was since lowered by hand in the database'
        UUID seller = verifiedSeller()
        UUID sku = UUID.fromString(publishedProduct(seller, 'Gạo ST25', 10).skus[0].id)
        def placed = reserved(seller, sku, 4)
        def order = placed.orders().first()
        fromOrders(OrderPaid.TYPE, order.orderId(), paid(placed, order))
        Infra.execute(tx, 'UPDATE skus SET sold = 1 WHERE id = ?', [sku.toString()])
        def envelope = TestEvents.envelope(json, OrderCancelled.TYPE, order.orderId().toString(), cancelled(placed, order, true))

        when:
        dispatcher.dispatch(OrdersEvents.STREAM, envelope)

        then: 'the handler fails (to be retried, then dead-lettered), and its transaction rolls back'
        thrown(IllegalStateException)
        stock(sku) == [available: 6, reserved: 0, sold: 1]
        returns([sku]).isEmpty()
        Infra.count(tx, 'SELECT COUNT(*) FROM reservation_lines WHERE order_id = ? AND returned_at IS NOT NULL',
                [order.orderId().toString()]) == 0
        Infra.count(tx, 'SELECT COUNT(*) FROM inbox WHERE event_id = ?', [envelope.id().toString()]) == 0
    }

    def "eight cancellations of one order handled at once put its units back once"() {
        given:
        UUID seller = verifiedSeller()
        UUID sku = UUID.fromString(publishedProduct(seller, 'Gạo ST25', 10).skus[0].id)
        def placed = reserved(seller, sku, 4)
        def order = placed.orders().first()
        fromOrders(OrderConfirmed.TYPE, order.orderId(), confirmed(placed, order))
        def start = new CountDownLatch(1)
        def pool = Executors.newFixedThreadPool(8)

        when: 'each is a different event, handled on its own thread and transaction'
        def outcomes = (1..8).collect {
            def envelope = TestEvents.envelope(json, OrderCancelled.TYPE, order.orderId().toString(), cancelled(placed, order, true))
            pool.submit({ start.await(); dispatcher.dispatch(OrdersEvents.STREAM, envelope) } as Callable)
        }
        start.countDown()
        outcomes*.get()

        then:
        stock(sku) == [available: 10, reserved: 0, sold: 0]
        returns([sku]).size() == 1

        cleanup:
        pool.shutdownNow()
    }

    private static OrderCancelled cancelled(CheckoutPlaced placed, CheckoutPlaced.Order order, boolean stockSold) {
        new OrderCancelled(order.orderId(), order.orderNumber(), placed.checkoutId(), order.sellerId(), PaymentMethod.VNPAY, 'BUYER',
                'Đặt nhầm', stockSold, stockSold ? order.totalVnd() : 0, Instant.now(), order.lines())
    }

    private List<Map> returns(List<UUID> skus) {
        Infra.rows(tx, "SELECT sku_id, delta_available, delta_reserved, delta_sold, reference FROM stock_movements "
                + "WHERE reason = 'ORDER_CANCELLED' AND sku_id IN (${skus.collect { '?' }.join(',')}) ORDER BY id",
                skus*.toString())
    }

    private Map listing(Object productId) {
        Infra.rows(tx, 'SELECT sold, in_stock FROM listings WHERE product_id = ?', [productId.toString()]).first()
                .collectEntries { k, v -> [k, k == 'in_stock' ? v as boolean : v] }
    }
}
