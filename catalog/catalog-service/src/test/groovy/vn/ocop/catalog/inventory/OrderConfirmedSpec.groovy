package vn.ocop.catalog.inventory

import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import vn.ocop.catalog.CatalogSpecification
import vn.ocop.catalog.api.StockCommitted
import vn.ocop.catalog.api.StockReserved
import vn.ocop.orders.api.CheckoutPlaced
import vn.ocop.orders.api.CheckoutRejected
import vn.ocop.orders.api.OrderConfirmed
import vn.ocop.orders.api.OrderPaid
import vn.ocop.orders.api.OrdersEvents
import vn.ocop.platform.Infra
import vn.ocop.platform.TestEvents
import vn.ocop.platform.consumer.EventDispatcher

/** Cash on delivery: orders confirms each seller order once its stock is reserved, and catalog sells it then. */
@MicronautTest(transactional = false)
class OrderConfirmedSpec extends CatalogSpecification {

    @Inject EventDispatcher dispatcher

    def "each confirmed cash-on-delivery order sells its own reserved units, and the search index follows"() {
        given: 'one checkout with orders from two sellers'
        UUID riceSeller = verifiedSeller('Gạo Ông Cua')
        UUID honeySeller = verifiedSeller('Mật ong U Minh')
        def rice = publishedProduct(riceSeller, 'Gạo ST25', 10)
        UUID riceSku = UUID.fromString(rice.skus[0].id)
        UUID honeySku = UUID.fromString(publishedProduct(honeySeller, 'Mật ong', 5).skus[0].id)
        def placed = checkout([orderLines(riceSeller, [[riceSku, 3]]), orderLines(honeySeller, [[honeySku, 5]])])
        fromOrders(CheckoutPlaced.TYPE, placed.checkoutId(), placed)
        def (riceOrder, honeyOrder) = placed.orders()

        when:
        fromOrders(OrderConfirmed.TYPE, riceOrder.orderId(), confirmed(placed, riceOrder))

        then: 'the rice is sold, the honey still only reserved'
        stock(riceSku) == [available: 7, reserved: 0, sold: 3]
        stock(honeySku) == [available: 0, reserved: 5, sold: 0]
        reservationStatus(placed) == 'RESERVED'
        Infra.rows(tx, "SELECT delta_available, delta_reserved, delta_sold, reference FROM stock_movements WHERE sku_id = ? "
                + "AND reason = 'SALE'", [riceSku.toString()]) == [
                [delta_available: 0, delta_reserved: -3, delta_sold: 3, reference: riceOrder.orderId().toString()]]
        Infra.rows(tx, 'SELECT sold FROM listings WHERE product_id = ?', [rice.id])*.sold == [3]

        when:
        fromOrders(OrderConfirmed.TYPE, honeyOrder.orderId(), confirmed(placed, honeyOrder))

        then:
        stock(honeySku) == [available: 0, reserved: 0, sold: 5]
        reservationStatus(placed) == 'COMMITTED'
        conditions.eventually {
            assert catalogEvents(StockCommitted.TYPE, placed.checkoutId())*.data as Set == [
                    [checkoutId: placed.checkoutId().toString(), orderId: riceOrder.orderId().toString(),
                     lines     : [[skuId: riceSku.toString(), quantity: 3]]],
                    [checkoutId: placed.checkoutId().toString(), orderId: honeyOrder.orderId().toString(),
                     lines     : [[skuId: honeySku.toString(), quantity: 5]]]] as Set
        }
    }

    def "an order confirmed again, or also reported paid, is sold once"() {
        given:
        UUID seller = verifiedSeller()
        UUID sku = UUID.fromString(publishedProduct(seller, 'Gạo ST25', 10).skus[0].id)
        def placed = reserved(seller, sku, 4)
        def order = placed.orders().first()
        fromOrders(OrderConfirmed.TYPE, order.orderId(), confirmed(placed, order))

        when: 'other events with the same effect'
        dispatcher.dispatch(OrdersEvents.STREAM, TestEvents.envelope(json, OrderConfirmed.TYPE, order.orderId().toString(),
                confirmed(placed, order)))
        dispatcher.dispatch(OrdersEvents.STREAM, TestEvents.envelope(json, OrderPaid.TYPE, order.orderId().toString(),
                paid(placed, order)))

        then:
        stock(sku) == [available: 6, reserved: 0, sold: 4]
        Infra.count(tx, "SELECT COUNT(*) FROM stock_movements WHERE sku_id = ? AND reason = 'SALE'", [sku.toString()]) == 1
        Infra.count(tx, "SELECT COUNT(*) FROM outbox WHERE event_type = ? AND aggregate_id = ?",
                [StockCommitted.TYPE, order.orderId().toString()]) == 1
    }

    def "a confirmation for a reservation that was released sells nothing"() {
        given:
        UUID seller = verifiedSeller()
        UUID sku = UUID.fromString(publishedProduct(seller, 'Gạo ST25', 10).skus[0].id)
        def placed = reserved(seller, sku, 2)
        dispatcher.dispatch(OrdersEvents.STREAM, TestEvents.envelope(json, CheckoutRejected.TYPE,
                placed.checkoutId().toString(), new CheckoutRejected(placed.checkoutId(), 'payment could not be opened')))

        when:
        def order = placed.orders().first()
        dispatcher.dispatch(OrdersEvents.STREAM, TestEvents.envelope(json, OrderConfirmed.TYPE, order.orderId().toString(),
                confirmed(placed, order)))

        then:
        stock(sku) == [available: 10, reserved: 0, sold: 0]
        catalogEvents(StockReserved.TYPE, placed.checkoutId()).size() == 1
        Infra.count(tx, "SELECT COUNT(*) FROM outbox WHERE event_type = ? AND aggregate_id = ?",
                [StockCommitted.TYPE, order.orderId().toString()]) == 0
    }
}
