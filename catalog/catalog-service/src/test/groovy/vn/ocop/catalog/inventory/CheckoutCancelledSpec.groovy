package vn.ocop.catalog.inventory

import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import java.time.Instant
import vn.ocop.catalog.CatalogSpecification
import vn.ocop.catalog.api.StockCommitted
import vn.ocop.catalog.api.StockRejected
import vn.ocop.catalog.api.StockReleased
import vn.ocop.catalog.api.StockReserved
import vn.ocop.orders.api.CheckoutCancelled
import vn.ocop.orders.api.CheckoutPlaced
import vn.ocop.orders.api.OrderPaid
import vn.ocop.orders.api.OrdersEvents
import vn.ocop.platform.Infra
import vn.ocop.platform.TestEvents
import vn.ocop.platform.consumer.EventDispatcher

/** Orders cancels an unpaid checkout (it lapsed at its payBefore, or its buyer cancelled it): its stock goes back on sale. */
@MicronautTest(transactional = false)
class CheckoutCancelledSpec extends CatalogSpecification {

    @Inject EventDispatcher dispatcher

    def "a checkout cancelled #reason gives back what it held, and a second cancellation changes nothing"() {
        given:
        UUID seller = verifiedSeller()
        UUID sku = UUID.fromString(publishedProduct(seller, 'Gạo ST25', 10).skus[0].id)
        def placed = reserved(seller, sku, 4)

        when:
        fromOrders(CheckoutCancelled.TYPE, placed.checkoutId(), cancelled(placed, reason))

        then:
        stock(sku) == [available: 10, reserved: 0, sold: 0]
        reservationStatus(placed) == 'RELEASED'
        releases(sku) == [[delta_available: 4, delta_reserved: -4, reference: placed.checkoutId().toString()]]
        conditions.eventually {
            assert catalogEvents(StockReleased.TYPE, placed.checkoutId())*.data*.reason == ['CHECKOUT_CANCELLED']
        }
        catalogEvents(StockReleased.TYPE, placed.checkoutId()).first().data.lines == [[skuId: sku.toString(), quantity: 4]]

        when: 'orders says it again, as another event'
        fromOrders(CheckoutCancelled.TYPE, placed.checkoutId(), cancelled(placed, CheckoutCancelled.BY_BUYER))

        then:
        stock(sku) == [available: 10, reserved: 0, sold: 0]
        releases(sku).size() == 1
        Infra.count(tx, "SELECT COUNT(*) FROM outbox WHERE event_type = 'StockReleased' AND aggregate_id = ?",
                [placed.checkoutId().toString()]) == 1

        where:
        reason << [CheckoutCancelled.EXPIRED, CheckoutCancelled.BY_BUYER]
    }

    def "a cancellation that finds the stock already released, or already sold, changes nothing"() {
        given:
        UUID seller = verifiedSeller()
        UUID sku = UUID.fromString(publishedProduct(seller, 'Gạo ST25', 10).skus[0].id)
        def released = reserved(seller, sku, 2)
        def sold = reserved(seller, sku, 3)
        fromOrders(CheckoutCancelled.TYPE, released.checkoutId(), cancelled(released, CheckoutCancelled.EXPIRED))
        fromOrders(OrderPaid.TYPE, sold.orders().first().orderId(), paid(sold, sold.orders().first()))
        assert stock(sku) == [available: 7, reserved: 0, sold: 3]

        when:
        dispatcher.dispatch(OrdersEvents.STREAM, TestEvents.envelope(json, CheckoutCancelled.TYPE, released.checkoutId().toString(),
                cancelled(released, CheckoutCancelled.BY_BUYER)))
        dispatcher.dispatch(OrdersEvents.STREAM, TestEvents.envelope(json, CheckoutCancelled.TYPE, sold.checkoutId().toString(),
                cancelled(sold, CheckoutCancelled.EXPIRED)))

        then:
        stock(sku) == [available: 7, reserved: 0, sold: 3]
        reservationStatus(released) == 'RELEASED'
        reservationStatus(sold) == 'COMMITTED'
        releases(sku).size() == 1
    }

    def "a checkout cancelled before catalog saw it placed never reserves its stock"() {
        given: 'the cancellation is handled first (the CheckoutPlaced was retried, or handled by a slower instance)'
        UUID seller = verifiedSeller()
        UUID sku = UUID.fromString(publishedProduct(seller, 'Gạo ST25', 10).skus[0].id)
        def placed = checkout([orderLines(seller, [[sku, 5]])])
        dispatcher.dispatch(OrdersEvents.STREAM, TestEvents.envelope(json, CheckoutCancelled.TYPE, placed.checkoutId().toString(),
                cancelled(placed, CheckoutCancelled.BY_BUYER)))

        when:
        dispatcher.dispatch(OrdersEvents.STREAM, TestEvents.envelope(json, CheckoutPlaced.TYPE, placed.checkoutId().toString(), placed))

        then:
        stock(sku) == [available: 10, reserved: 0, sold: 0]
        reservationStatus(placed) == 'RELEASED'
        Infra.count(tx, 'SELECT COUNT(*) FROM reservation_lines l JOIN reservations r ON r.id = l.reservation_id '
                + 'WHERE r.checkout_id = ?', [placed.checkoutId().toString()]) == 0
        Infra.count(tx, "SELECT COUNT(*) FROM outbox WHERE aggregate_id = ? AND event_type IN (?, ?, ?, ?)",
                [placed.checkoutId().toString(), StockReserved.TYPE, StockRejected.TYPE, StockReleased.TYPE, StockCommitted.TYPE]) == 0
    }

    private static CheckoutCancelled cancelled(CheckoutPlaced placed, String reason) {
        new CheckoutCancelled(placed.checkoutId(), placed.checkoutNumber(), placed.buyerId(), reason, Instant.now())
    }

    private List<Map> releases(UUID sku) {
        Infra.rows(tx, "SELECT delta_available, delta_reserved, reference FROM stock_movements WHERE sku_id = ? AND reason = 'RELEASE' "
                + 'ORDER BY id', [sku.toString()])
    }
}
