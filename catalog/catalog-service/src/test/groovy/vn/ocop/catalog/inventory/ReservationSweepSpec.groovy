package vn.ocop.catalog.inventory

import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import java.sql.Timestamp
import java.time.Duration
import java.time.Instant
import vn.ocop.catalog.CatalogSpecification
import vn.ocop.catalog.api.StockCommitted
import vn.ocop.catalog.api.StockReleased
import vn.ocop.orders.api.CheckoutPlaced
import vn.ocop.orders.api.OrderPaid
import vn.ocop.platform.Infra

/**
 * The expiry sweeper with its default grace of 10 minutes: orders cancels an unpaid checkout at its deadline, so the
 * sweeper only releases what was never cancelled, well after the deadline.
 */
@MicronautTest(transactional = false)
class ReservationSweepSpec extends CatalogSpecification {

    @Inject ReservationExpiry expiry

    def "a reservation that expired #ago ago is #outcome by the sweeper"() {
        given:
        UUID seller = verifiedSeller()
        UUID sku = UUID.fromString(publishedProduct(seller, 'Gạo ST25', 10).skus[0].id)
        def placed = reserved(seller, sku, 4)
        expiredAgo(placed, ago)

        when:
        expiry.sweep()

        then:
        reservationStatus(placed) == status
        stock(sku) == [available: available, reserved: 10 - available, sold: 0]

        where:
        ago                      || status     | available
        Duration.ofMinutes(1)    || 'RESERVED' | 6
        Duration.ofMinutes(9)    || 'RESERVED' | 6
        Duration.ofMinutes(11)   || 'RELEASED' | 10
        outcome = status == 'RESERVED' ? 'kept' : 'released'
    }

    def "a payment captured at the deadline, whose OrderPaid arrives after the expiry, still finds its stock and sells it"() {
        given:
        UUID seller = verifiedSeller()
        UUID sku = UUID.fromString(publishedProduct(seller, 'Gạo ST25', 10).skus[0].id)
        def placed = reserved(seller, sku, 4)
        expiredAgo(placed, Duration.ofMinutes(2))
        expiry.sweep()

        when:
        def order = placed.orders().first()
        fromOrders(OrderPaid.TYPE, order.orderId(), paid(placed, order))

        then:
        stock(sku) == [available: 6, reserved: 0, sold: 4]
        reservationStatus(placed) == 'COMMITTED'
        conditions.eventually {
            assert catalogEvents(StockCommitted.TYPE, placed.checkoutId()).size() == 1
        }
        catalogEvents(StockReleased.TYPE, placed.checkoutId()).isEmpty()
    }

    private void expiredAgo(CheckoutPlaced placed, Duration ago) {
        Infra.execute(tx, 'UPDATE reservations SET expires_at = ? WHERE checkout_id = ?',
                [Timestamp.from(Instant.now().minus(ago)), placed.checkoutId().toString()])
    }
}
