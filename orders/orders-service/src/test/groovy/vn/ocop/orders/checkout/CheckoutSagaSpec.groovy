package vn.ocop.orders.checkout

import io.micronaut.http.HttpRequest
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import java.time.Instant
import java.time.temporal.ChronoUnit
import java.util.concurrent.CompletableFuture
import java.util.concurrent.TimeUnit
import vn.ocop.catalog.api.CatalogEvents
import vn.ocop.catalog.api.StockRejected
import vn.ocop.catalog.api.StockReserved
import vn.ocop.orders.OrdersSpecification
import vn.ocop.orders.api.CheckoutAwaitingPayment
import vn.ocop.orders.api.CheckoutRejected
import vn.ocop.orders.api.OrderPaid
import vn.ocop.orders.api.OrdersEvents
import vn.ocop.orders.api.RefundRequested
import vn.ocop.payments.api.PaymentMethod
import vn.ocop.payments.api.PaymentSessionOpened
import vn.ocop.payments.api.PaymentSucceeded
import vn.ocop.payments.api.PaymentsEvents
import vn.ocop.platform.Infra
import vn.ocop.platform.TestEvents
import vn.ocop.platform.event.Ids
import vn.ocop.platform.security.TestIdentity

/** The checkout saga driven by catalog's and payments' events on the real streams. */
@MicronautTest(transactional = false)
class CheckoutSagaSpec extends OrdersSpecification {

    @Inject CheckoutWatch watch

    UUID buyer = Ids.newId()
    UUID riceSeller = Ids.newId()
    UUID honeySeller = Ids.newId()

    def "a reserved checkout awaits payment, shows how to pay, and is paid once whatever payments repeats"() {
        given:
        UUID rice = productOnSale(riceSeller, 'Gạo ST25')
        UUID honey = productOnSale(honeySeller, 'Mật ong', 150000, 700)
        def placed = body(checkout(buyer, checkoutBody([[rice, 2], [honey, 1]])))
        UUID checkoutId = UUID.fromString(placed.id)
        Instant payBefore = Instant.now().plus(15, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS)

        when: 'catalog reserves the stock'
        catalogSays(StockReserved.TYPE, new StockReserved(checkoutId, Ids.newId(), payBefore,
                [new StockReserved.Line(rice, 2), new StockReserved.Line(honey, 1)]))

        then: 'the checkout awaits payment and payments is asked to collect the total'
        conditions.eventually {
            assert view(buyer, checkoutId).status == 'AWAITING_PAYMENT'
        }
        view(buyer, checkoutId).orders*.status == ['AWAITING_PAYMENT', 'AWAITING_PAYMENT']
        def asked = ordersEvents(CheckoutAwaitingPayment.TYPE, checkoutId)
        asked.size() == 1
        asked.first().data.amountVnd == placed.totalVnd
        asked.first().data.payBefore == payBefore.toString()
        asked.first().data.buyerIp == '127.0.0.1'

        when: 'payments opens a VNPay session'
        def session = Ids.newId()
        paymentsSay(PaymentSessionOpened.TYPE, new PaymentSessionOpened(session, checkoutId, PaymentMethod.VNPAY, placed.totalVnd,
                new PaymentSessionOpened.PaymentAction(PaymentSessionOpened.Kind.REDIRECT, 'https://pay.example/vpcpay?x=1', null),
                payBefore))

        then: 'the buyer sees where to pay'
        conditions.eventually {
            assert view(buyer, checkoutId).payment.action == [kind: 'REDIRECT', url: 'https://pay.example/vpcpay?x=1']
        }

        when: 'the payment succeeds, and payments (or a redelivery) says so twice'
        def succeeded = new PaymentSucceeded(session, checkoutId, PaymentMethod.VNPAY, placed.totalVnd, '14422574', Instant.now())
        2.times { paymentsSay(PaymentSucceeded.TYPE, succeeded) }

        then: 'the checkout and both orders are paid, and each seller order is announced once'
        conditions.eventually {
            assert view(buyer, checkoutId).status == 'PAID'
            assert ordersEvents(OrderPaid.TYPE, checkoutId).size() == 2
        }
        view(buyer, checkoutId).orders*.status == ['PAID', 'PAID']
        ordersEvents(OrderPaid.TYPE, checkoutId)*.data*.sellerId as Set == [riceSeller.toString(), honeySeller.toString()] as Set
        Infra.rows(tx, 'SELECT from_status, to_status, cause FROM checkout_history WHERE checkout_id = ? ORDER BY id',
                [checkoutId.toString()])*.cause == ['placed by buyer', 'StockReserved', 'PaymentSucceeded']
    }

    def "a checkout whose stock is short is rejected with the reason, and a payment for it never makes it paid"() {
        given:
        UUID rice = productOnSale(riceSeller, 'Gạo ST25')
        UUID checkoutId = UUID.fromString(body(checkout(buyer, checkoutBody([[rice, 3]]))).id)

        when:
        catalogSays(StockRejected.TYPE, new StockRejected(checkoutId,
                [new StockRejected.Shortage(rice, 3, 2, StockRejected.Reason.OUT_OF_STOCK)]))

        then:
        conditions.eventually {
            assert view(buyer, checkoutId).status == 'REJECTED'
        }
        view(buyer, checkoutId).rejectionReason == 'Gạo ST25 (Túi 5 kg): còn 2, cần 3'
        ordersEvents(CheckoutRejected.TYPE, checkoutId).size() == 1

        when: 'a payment for it is captured anyway (twice, as a redelivery would)'
        def session = Ids.newId()
        2.times { paymentsSay(PaymentSucceeded.TYPE, new PaymentSucceeded(session, checkoutId, PaymentMethod.VNPAY, 240100, 'x', Instant.now())) }

        then: 'it is never paid: it waits for the refund payments is asked for once, and no order is announced as paid'
        conditions.eventually {
            assert view(buyer, checkoutId).status == 'REFUND_PENDING'
            assert ordersEvents(RefundRequested.TYPE, checkoutId)*.data*.amountVnd == [240100]
        }
        view(buyer, checkoutId).orders*.status == ['REJECTED']
        ordersEvents(RefundRequested.TYPE, checkoutId).first().data.orderId == null
        ordersEvents(OrderPaid.TYPE, checkoutId).isEmpty()
    }

    def "cash collected on delivery, which payments announces as PaymentSucceeded by COD, neither pays nor refunds a #status checkout"() {
        given: 'a cash-on-delivery checkout that catalog confirmed or rejected'
        UUID rice = productOnSale(riceSeller, 'Gạo ST25')
        def placed = body(checkout(buyer, checkoutBody([[rice, 2]], 'COD')))
        UUID checkoutId = UUID.fromString(placed.id)
        if (reserved) {
            catalogSays(StockReserved.TYPE, new StockReserved(checkoutId, Ids.newId(), Instant.now().plus(15, ChronoUnit.MINUTES),
                    [new StockReserved.Line(rice, 2)]))
        } else {
            catalogSays(StockRejected.TYPE, new StockRejected(checkoutId,
                    [new StockRejected.Shortage(rice, 2, 1, StockRejected.Reason.OUT_OF_STOCK)]))
        }
        conditions.eventually {
            assert view(buyer, checkoutId).status == status
        }
        def history = Infra.count(tx, 'SELECT COUNT(*) FROM checkout_history WHERE checkout_id = ?', [checkoutId.toString()])

        when: 'payments records the cash the seller collected for its order'
        def cash = TestEvents.publish(redis, json, PaymentsEvents.STREAM, PaymentSucceeded.TYPE, checkoutId.toString(),
                new PaymentSucceeded(Ids.newId(), checkoutId, PaymentMethod.COD, placed.totalVnd, 'OD-7Q4M2X9P', Instant.now()))

        then: 'orders handled it and changed nothing: no payment, no refund asked for'
        conditions.eventually {
            assert Infra.count(tx, 'SELECT COUNT(*) FROM inbox WHERE event_id = ?', [cash.id().toString()]) == 1
        }
        view(buyer, checkoutId).status == status
        Infra.count(tx, 'SELECT COUNT(*) FROM checkout_history WHERE checkout_id = ?', [checkoutId.toString()]) == history
        ordersEvents(OrderPaid.TYPE, checkoutId).isEmpty()
        ordersEvents(RefundRequested.TYPE, checkoutId).isEmpty()

        where:
        reserved || status
        true     || 'CONFIRMED'
        false    || 'REJECTED'
    }

    def "a buyer's read can wait for the checkout to change instead of polling"() {
        given:
        UUID rice = productOnSale(riceSeller)
        def placed = checkout(buyer, checkoutBody([[rice, 1]]))
        UUID checkoutId = UUID.fromString(body(placed).id)
        def first = call(HttpRequest.GET("/api/v1/checkouts/$checkoutId").bearerAuth(TestIdentity.buyer(buyer)))
        String tag = first.header('ETag')

        expect: 'the placement already tells the tag, so the first read can wait; the same tag without waiting, or with a short wait and no change, is answered 304'
        tag ==~ /"\d+"/
        placed.header('ETag') == tag
        conditional(checkoutId, tag, null).status().code == 304
        conditional(checkoutId, tag, 'wait=1').status().code == 304
        conditional(checkoutId, '"999"', null).status().code == 200

        when: 'a read waits while catalog reserves the stock'
        def waiting = CompletableFuture.supplyAsync { conditional(checkoutId, tag, 'wait=20') }
        catalogSays(StockReserved.TYPE, new StockReserved(checkoutId, Ids.newId(), Instant.now().plus(15, ChronoUnit.MINUTES),
                [new StockReserved.Line(rice, 1)]))
        def answer = waiting.get(25, TimeUnit.SECONDS)

        then: 'it answers with the change and a new tag'
        answer.status().code == 200
        body(answer).status == 'AWAITING_PAYMENT'
        answer.header('ETag') != tag

        and: "another buyer's conditional read still learns nothing"
        call(HttpRequest.GET("/api/v1/checkouts/$checkoutId").header('If-None-Match', tag).header('Prefer', 'wait=1')
                .bearerAuth(TestIdentity.buyer(Ids.newId()))).status().code == 404
    }

    def "a waiting read also sees a change made through another instance"() {
        given:
        UUID rice = productOnSale(riceSeller)
        UUID checkoutId = UUID.fromString(body(checkout(buyer, checkoutBody([[rice, 1]]))).id)
        String tag = call(HttpRequest.GET("/api/v1/checkouts/$checkoutId").bearerAuth(TestIdentity.buyer(buyer))).header('ETag')

        when: 'while a read waits, another instance (here: SQL) changes the checkout, so no commit here wakes it'
        def waiting = CompletableFuture.supplyAsync { conditional(checkoutId, tag, 'wait=20') }
        conditions.eventually {
            assert watch.awaited(checkoutId)
        }
        Infra.execute(tx, "UPDATE checkouts SET payment_failure = 'x', version = version + 1 WHERE id = ?", [checkoutId.toString()])
        def answer = waiting.get(25, TimeUnit.SECONDS)

        then:
        answer.status().code == 200
        body(answer).payment.failure == 'x'
    }

    private conditional(UUID checkoutId, String tag, String prefer) {
        def request = HttpRequest.GET("/api/v1/checkouts/$checkoutId").header('If-None-Match', tag).bearerAuth(TestIdentity.buyer(buyer))
        call(prefer ? request.header('Prefer', prefer) : request)
    }
}
