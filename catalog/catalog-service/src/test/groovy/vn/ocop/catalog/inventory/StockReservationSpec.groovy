package vn.ocop.catalog.inventory

import io.micronaut.context.annotation.Property
import io.micronaut.http.HttpRequest
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import java.time.Instant
import java.util.concurrent.Callable
import java.util.concurrent.CountDownLatch
import java.util.concurrent.Executors
import vn.ocop.catalog.CatalogSpecification
import vn.ocop.catalog.api.StockCommitted
import vn.ocop.catalog.api.StockRejected
import vn.ocop.catalog.api.StockReleased
import vn.ocop.catalog.api.StockReserved
import vn.ocop.orders.api.CheckoutPlaced
import vn.ocop.orders.api.CheckoutRejected
import vn.ocop.orders.api.OrderPaid
import vn.ocop.orders.api.OrdersEvents
import vn.ocop.payments.api.PaymentMethod
import vn.ocop.platform.Infra
import vn.ocop.platform.TestEvents
import vn.ocop.platform.consumer.EventDispatcher
import vn.ocop.platform.event.Ids
import vn.ocop.platform.security.TestIdentity

@MicronautTest(transactional = false)
@Property(name = 'ocop.catalog.reservation-sweep.grace', value = '0s')
class StockReservationSpec extends CatalogSpecification {

    @Inject EventDispatcher dispatcher
    @Inject ReservationExpiry expiry

    def "a reservation left unpaid past its expiry goes back on sale, once; a payment after that sells nothing"() {
        given:
        UUID seller = verifiedSeller()
        UUID sku = UUID.fromString(publishedProduct(seller, 'Gạo ST25', 10).skus[0].id)
        def placed = reserved(seller, sku, 4)
        def expiresAt = catalogEvents(StockReserved.TYPE, placed.checkoutId()).first().data.expiresAt as String

        expect: 'held for 15 minutes'
        java.time.Duration.between(Instant.now(), Instant.parse(expiresAt)).toSeconds() > 14 * 60
        stock(sku) == [available: 6, reserved: 4, sold: 0]

        when: 'the 15 minutes pass'
        Infra.execute(tx, 'UPDATE reservations SET expires_at = ? WHERE checkout_id = ?',
                [java.sql.Timestamp.from(Instant.now().minusSeconds(1)), placed.checkoutId().toString()])
        expiry.sweep()
        expiry.sweep()

        then:
        stock(sku) == [available: 10, reserved: 0, sold: 0]
        Infra.rows(tx, 'SELECT status FROM reservations WHERE checkout_id = ?', [placed.checkoutId().toString()])*.status == ['RELEASED']
        Infra.rows(tx, "SELECT delta_available, delta_reserved FROM stock_movements WHERE sku_id = ? AND reason = 'RELEASE'",
                [sku.toString()]) == [[delta_available: 4, delta_reserved: -4]]
        conditions.eventually {
            assert catalogEvents(StockReleased.TYPE, placed.checkoutId())*.data*.reason == ['EXPIRED']
        }

        when: 'the payment arrives late'
        def order = placed.orders().first()
        TestEvents.publish(redis, json, OrdersEvents.STREAM, OrderPaid.TYPE, order.orderId().toString(), paid(placed, order))
        Thread.sleep(500)

        then:
        stock(sku) == [available: 10, reserved: 0, sold: 0]
        catalogEvents(StockCommitted.TYPE, placed.checkoutId()).isEmpty()
    }

    def "a rejected checkout gives back what it held"() {
        given:
        UUID seller = verifiedSeller()
        UUID sku = UUID.fromString(publishedProduct(seller, 'Gạo ST25', 10).skus[0].id)
        def placed = reserved(seller, sku, 3)

        when:
        TestEvents.publish(redis, json, OrdersEvents.STREAM, CheckoutRejected.TYPE, placed.checkoutId().toString(),
                new CheckoutRejected(placed.checkoutId(), 'payment could not be opened'))

        then:
        conditions.eventually {
            assert stock(sku) == [available: 10, reserved: 0, sold: 0]
            assert catalogEvents(StockReleased.TYPE, placed.checkoutId())*.data*.reason == ['CHECKOUT_REJECTED']
        }
    }

    def "a checkout is reserved in full, lines of one SKU summed, and sold when its order is paid"() {
        given:
        UUID seller = verifiedSeller()
        UUID sku = UUID.fromString(publishedProduct(seller, 'Gạo ST25', 10).skus[0].id)
        def checkout = checkout([orderLines(seller, [[sku, 3], [sku, 4]])])

        when:
        TestEvents.publish(redis, json, OrdersEvents.STREAM, CheckoutPlaced.TYPE, checkout.checkoutId().toString(), checkout)

        then: 'one reservation of 7'
        conditions.eventually {
            assert catalogEvents(StockReserved.TYPE, checkout.checkoutId()).size() == 1
        }
        catalogEvents(StockReserved.TYPE, checkout.checkoutId()).first().data.lines == [[skuId: sku.toString(), quantity: 7]]
        stock(sku) == [available: 3, reserved: 7, sold: 0]

        when:
        def order = checkout.orders().first()
        TestEvents.publish(redis, json, OrdersEvents.STREAM, OrderPaid.TYPE, order.orderId().toString(), new OrderPaid(
                order.orderId(), order.orderNumber(), checkout.checkoutId(), seller, PaymentMethod.VNPAY, order.totalVnd(),
                Instant.now(), order.lines()))

        then:
        conditions.eventually {
            assert stock(sku) == [available: 3, reserved: 0, sold: 7]
        }
        catalogEvents(StockCommitted.TYPE, checkout.checkoutId()).size() == 1
        Infra.rows(tx, 'SELECT reason, delta_available, delta_reserved, delta_sold FROM stock_movements WHERE sku_id = ? ORDER BY id',
                [sku.toString()]) == [
                [reason: 'INITIAL_STOCK', delta_available: 10, delta_reserved: 0, delta_sold: 0],
                [reason: 'RESERVATION', delta_available: -7, delta_reserved: 7, delta_sold: 0],
                [reason: 'SALE', delta_available: 0, delta_reserved: -7, delta_sold: 7]]
    }

    def "a checkout with one line short of stock reserves nothing at all"() {
        given:
        UUID seller = verifiedSeller()
        UUID rice = UUID.fromString(publishedProduct(seller, 'Gạo ST25', 10).skus[0].id)
        UUID honey = UUID.fromString(publishedProduct(seller, 'Mật ong', 2).skus[0].id)
        UUID unknown = Ids.newId()
        def checkout = checkout([orderLines(seller, [[rice, 5], [honey, 3], [unknown, 1]])])

        when:
        TestEvents.publish(redis, json, OrdersEvents.STREAM, CheckoutPlaced.TYPE, checkout.checkoutId().toString(), checkout)

        then:
        conditions.eventually {
            assert catalogEvents(StockRejected.TYPE, checkout.checkoutId()).size() == 1
        }
        catalogEvents(StockRejected.TYPE, checkout.checkoutId()).first().data.shortages as Set == [
                [skuId: honey.toString(), requested: 3, available: 2, reason: 'OUT_OF_STOCK'],
                [skuId: unknown.toString(), requested: 1, available: 0, reason: 'UNKNOWN_SKU']] as Set
        stock(rice) == [available: 10, reserved: 0, sold: 0]
        stock(honey) == [available: 2, reserved: 0, sold: 0]
    }

    def "a product that is not published cannot be reserved"() {
        given:
        UUID seller = verifiedSeller()
        def draft = body(call(HttpRequest.POST('/api/v1/products', newProduct()).bearerAuth(TestIdentity.seller(seller))))
        UUID sku = UUID.fromString(draft.skus[0].id)
        def checkout = checkout([orderLines(seller, [[sku, 1]])])

        when:
        dispatcher.dispatch(OrdersEvents.STREAM, TestEvents.envelope(json, CheckoutPlaced.TYPE, checkout.checkoutId().toString(), checkout))

        then:
        conditions.eventually {
            assert catalogEvents(StockRejected.TYPE, checkout.checkoutId()).first().data.shortages*.reason == ['NOT_PUBLISHED']
        }
        stock(sku).reserved == 0
    }

    def "the same CheckoutPlaced delivered twice reserves once"() {
        given:
        UUID seller = verifiedSeller()
        UUID sku = UUID.fromString(publishedProduct(seller, 'Gạo ST25', 10).skus[0].id)
        def checkout = checkout([orderLines(seller, [[sku, 2]])])
        def envelope = TestEvents.envelope(json, CheckoutPlaced.TYPE, checkout.checkoutId().toString(), checkout)

        when:
        TestEvents.append(redis, json, OrdersEvents.STREAM, envelope)
        TestEvents.append(redis, json, OrdersEvents.STREAM, envelope)

        then:
        conditions.eventually {
            assert Infra.count(tx, 'SELECT COUNT(*) FROM inbox WHERE event_id = ?', [envelope.id().toString()]) == 1
            assert stock(sku) == [available: 8, reserved: 2, sold: 0]
        }
        catalogEvents(StockReserved.TYPE, checkout.checkoutId()).size() == 1
    }

    def "200 checkouts racing for 50 bags reserve exactly 50"() {
        given:
        UUID seller = verifiedSeller()
        UUID sku = UUID.fromString(publishedProduct(seller, 'Gạo ST25 — lô cuối', 50).skus[0].id)
        def checkouts = (1..200).collect { checkout([orderLines(seller, [[sku, 1]])]) }
        def start = new CountDownLatch(1)
        def pool = Executors.newFixedThreadPool(16)

        when: 'each is handled on its own thread and transaction, as by many consumer instances'
        def outcomes = checkouts.collect { c ->
            pool.submit({
                start.await()
                dispatcher.dispatch(OrdersEvents.STREAM, TestEvents.envelope(json, CheckoutPlaced.TYPE, c.checkoutId().toString(), c))
            } as Callable)
        }
        start.countDown()
        outcomes*.get()
        pool.shutdown()

        then:
        stock(sku) == [available: 0, reserved: 50, sold: 0]
        Infra.count(tx, "SELECT COUNT(*) FROM reservations WHERE status = 'RESERVED' AND checkout_id IN (${checkouts.collect { '?' }.join(',')})",
                checkouts*.checkoutId()*.toString()) == 50
        Infra.count(tx, "SELECT COUNT(*) FROM reservations WHERE status = 'REJECTED' AND checkout_id IN (${checkouts.collect { '?' }.join(',')})",
                checkouts*.checkoutId()*.toString()) == 150
        Infra.count(tx, "SELECT COALESCE(SUM(delta_available), 0) FROM stock_movements WHERE sku_id = ?", [sku.toString()]) == 0
    }
}
