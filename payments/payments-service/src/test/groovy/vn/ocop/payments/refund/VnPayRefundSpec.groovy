package vn.ocop.payments.refund

import io.micronaut.context.ApplicationContext
import io.micronaut.json.JsonMapper
import io.micronaut.runtime.server.EmbeddedServer
import io.micronaut.transaction.TransactionOperations
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.sql.Connection
import java.time.Duration
import java.time.Instant
import java.time.temporal.ChronoUnit
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import spock.util.concurrent.PollingConditions
import vn.ocop.orders.api.CheckoutAwaitingPayment
import vn.ocop.orders.api.OrdersEvents
import vn.ocop.orders.api.RefundRequested
import vn.ocop.payments.PaymentsDb
import vn.ocop.payments.api.PaymentMethod
import vn.ocop.payments.ledger.LedgerDb
import vn.ocop.payments.session.PaymentSession
import vn.ocop.payments.session.PaymentSessions
import vn.ocop.platform.Infra
import vn.ocop.platform.consumer.EventDispatcher
import vn.ocop.platform.event.EventEnvelope
import vn.ocop.platform.event.EventHandler
import vn.ocop.platform.event.Ids

/**
 * Refunds end to end with no internet: payments captured through the local VNPay stand-in (its pay page and our real
 * IPN), RefundRequested handled as the consumer handles it, and the refund worker calling the stand-in's merchant API
 * over HTTP, at the address derived from the pay URL. {@link FlakyVnPayApi} breaks the network on cue.
 */
class VnPayRefundSpec extends Specification {

    @Shared String base = "http://127.0.0.1:${freePort()}"
    @Shared @AutoCleanup EmbeddedServer server = ApplicationContext.run(EmbeddedServer, [
            'spec.name'                   : 'VnPayRefundSpec',
            'micronaut.server.port'       : URI.create(base).port,
            'ocop.events.consumer.enabled': 'false',
            'ocop.vnpay.pay-url'          : "$base/vnpay-standin/paymentv2/vpcpay.html".toString(),
            'ocop.vnpay.return-url'       : "$base/payments/vnpay/return".toString(),
            'ocop.vnpay.api.url'          : '',
            'ocop.vnpay.standin.enabled'  : 'true',
            'ocop.vnpay.standin.ipn-url'  : "$base/payments/vnpay/ipn".toString()], 'test')
    @Shared ApplicationContext context = server.applicationContext
    @Shared TransactionOperations<Connection> tx = context.getBean(TransactionOperations)
    @Shared JsonMapper json = context.getBean(JsonMapper)
    @Shared EventDispatcher dispatcher = context.getBean(EventDispatcher)
    /** The stand-in's memory of what it captured and refunded (a package-private class of the stand-in). */
    @Shared def vnpay = context.getBean(Class.forName('vn.ocop.payments.vnpay.standin.StandInTransactions'))
    @Shared FlakyVnPayApi network = context.getBean(FlakyVnPayApi)
    @Shared HttpClient http = HttpClient.newBuilder().build()
    def conditions = new PollingConditions(timeout: 20, delay: 0.05)

    def setup() {
        PaymentsDb.clean(tx)
        network.reset()
    }

    def "a refund of a whole captured payment is carried out once and announced once, however often orders asks"() {
        given:
        def payment = capturedAtStandIn(690_000)
        def request = refund(payment, null, 690_000)

        when: 'orders asks, the event is redelivered, and orders asks again under a new event id'
        def event = envelope(request)
        dispatcher.dispatch(OrdersEvents.STREAM, event)
        dispatcher.dispatch(OrdersEvents.STREAM, event)
        dispatcher.dispatch(OrdersEvents.STREAM, envelope(request))

        then:
        ended(request) == 'SUCCEEDED'
        def row = PaymentsDb.refund(tx, request.refundId())
        row.attempts == 1
        row.request_id == RefundRequestIds.of(request.refundId(), 1)
        row.provider_response_code == '00'
        row.provider_transaction_no ==~ /[0-9]{8}/
        row.in_doubt == false
        row.failure_reason == null

        and: 'VNPay refunded the whole payment once, and RefundCompleted answers orders with the same refund id'
        vnpay.refundedVnd(payment.txnRef()) == 690_000
        def events = PaymentsDb.events(tx, json, request.refundId().toString())
        events.size() == 1
        events.first().type == 'RefundCompleted'
        events.first().data.subMap(['refundId', 'checkoutId', 'method', 'amountVnd', 'providerReference']) == [
                refundId         : request.refundId().toString(),
                checkoutId       : payment.checkoutId().toString(),
                method           : 'VNPAY',
                amountVnd        : 690_000,
                providerReference: row.provider_transaction_no]
        !events.first().data.containsKey('orderId')
        PaymentsDb.utc(row.completed_at) == Instant.parse(events.first().data.completedAt as String)

        when: 'orders asks once more after the refund is done'
        dispatcher.dispatch(OrdersEvents.STREAM, envelope(request))

        then:
        PaymentsDb.events(tx, json, request.refundId().toString()).size() == 1
        vnpay.refundedVnd(payment.txnRef()) == 690_000
        network.calls.get() == 1
    }

    def "a correctly signed IPN replayed ten times after the payment was fully refunded is answered 02 and changes nothing"() {
        given: 'a payment VNPay captured and announced by its IPN, then refunded in full at VNPay'
        def payment = capturedAtStandIn(690_000)
        def request = refund(payment, null, 690_000)
        dispatcher.dispatch(OrdersEvents.STREAM, envelope(request))
        assert ended(request) == 'SUCCEEDED'
        def ipn = PaymentsDb.notifications(tx, payment.txnRef()).find { it.answer_code == '00' }.raw_query as String
        def before = everything(payment)

        when: 'someone replays the IPN VNPay signed for the payment'
        def answers = (1..10).collect { json.readValue(get("$base/payments/vnpay/ipn?$ipn").body(), Map) }

        then: 'the answer VNPay expects for an order already confirmed, each time'
        answers == [[RspCode: '02', Message: 'Order already confirmed']] * 10

        and: 'the session, its events, its refund, VNPay and the ledger are as they were; only the audit trail grew'
        everything(payment) == before
        PaymentsDb.events(tx, json, payment.id().toString())*.type == ['PaymentSessionOpened', 'PaymentSucceeded']
        PaymentsDb.refunds(tx, payment.checkoutId()).collect { [it.amount_vnd, it.state] } == [[690_000, 'SUCCEEDED']]
        vnpay.refundedVnd(payment.txnRef()) == 690_000
        PaymentsDb.notifications(tx, payment.txnRef())*.answer_code == ['00'] + ['02'] * 10
    }

    def "partial refunds of two seller orders of one checkout are both carried out, and add up at VNPay"() {
        given:
        def payment = capturedAtStandIn(690_000)
        def first = refund(payment, Ids.newId(), 400_000)
        def second = refund(payment, Ids.newId(), 290_000)

        when:
        [first, second].each { dispatcher.dispatch(OrdersEvents.STREAM, envelope(it)) }

        then:
        ended(first) == 'SUCCEEDED'
        ended(second) == 'SUCCEEDED'
        vnpay.refundedVnd(payment.txnRef()) == 690_000
        [first, second].collect { PaymentsDb.events(tx, json, it.refundId().toString())*.data*.subMap(['orderId', 'amountVnd']) } == [
                [[orderId: first.orderId().toString(), amountVnd: 400_000]],
                [[orderId: second.orderId().toString(), amountVnd: 290_000]]]
    }

    def "an administrator's partial refund is sent by the worker like orders' ones and announced with RefundCompleted"() {
        given:
        def payment = capturedAtStandIn(690_000)
        UUID administrator = Ids.newId()

        when: 'an administrator asks for 200 000 VND back, then orders for the rest'
        def recorded = tx.executeWrite {
            context.getBean(AdminRefunds).record(payment.checkoutId(), null, 200_000, 'khiếu nại của người mua', administrator)
        }
        def rest = refund(payment, Ids.newId(), 490_000)
        dispatcher.dispatch(OrdersEvents.STREAM, envelope(rest))

        then:
        recorded.remainingVnd() == 490_000
        conditions.eventually {
            assert PaymentsDb.refund(tx, recorded.refundId())?.state == 'SUCCEEDED'
        }
        ended(rest) == 'SUCCEEDED'
        vnpay.refundedVnd(payment.txnRef()) == 690_000
        def events = PaymentsDb.events(tx, json, recorded.refundId().toString())
        events*.type == ['RefundCompleted']
        events.first().data.subMap(['refundId', 'checkoutId', 'amountVnd']) == [refundId: recorded.refundId().toString(),
                                                                              checkoutId: payment.checkoutId().toString(),
                                                                              amountVnd: 200_000]
        PaymentsDb.refund(tx, recorded.refundId()).requested_by == administrator.toString()
    }

    def "a refund of a bank transfer (VietQR), which no gateway can send yet, stays REQUESTED while VNPay refunds go out"() {
        given: 'an excess received by bank transfer, due before a VNPay refund'
        def sessions = context.getBean(PaymentSessions)
        def transfer = sessions.save(PaymentsDb.capturedSession(method: PaymentMethod.VIETQR, amountVnd: 690_000))
        def excess = context.getBean(ExcessRefunds).record(transfer, 10_000, 'transfer of 700000 VND for 690000')
        def payment = capturedAtStandIn(690_000)
        def request = refund(payment, null, 690_000)

        when:
        dispatcher.dispatch(OrdersEvents.STREAM, envelope(request))

        then: 'the worker passed over the bank transfer refund, neither sending nor failing it'
        ended(request) == 'SUCCEEDED'
        with(PaymentsDb.refund(tx, excess)) {
            state == 'REQUESTED'
            attempts == 0
            method == 'VIETQR'
            amount_vnd == 10_000
            order_id == null
            failure_reason == null
        }
    }

    def "a refund VNPay refuses (it knows no such payment: 91) ends FAILED after one call, announced to no one"() {
        given: 'a payment our database holds as captured, but VNPay never took'
        def payment = context.getBean(PaymentSessions).save(PaymentsDb.capturedSession(amountVnd: 690_000))
        def request = refund(payment, null, 690_000)

        when:
        dispatcher.dispatch(OrdersEvents.STREAM, envelope(request))

        then:
        ended(request) == 'FAILED'
        with(PaymentsDb.refund(tx, request.refundId())) {
            attempts == 1
            provider_response_code == '91'
            in_doubt == false
            failure_reason == 'VNPay answered 91 (Transaction not found): refund refused'
        }
        PaymentsDb.events(tx, json, request.refundId().toString()).isEmpty()
    }

    def "calls VNPay never saw are retried with the same request id until one gets through"() {
        given:
        def payment = capturedAtStandIn(690_000)
        def request = refund(payment, null, 690_000)
        network.script.addAll([FlakyVnPayApi.Fault.UNAVAILABLE, FlakyVnPayApi.Fault.UNAVAILABLE])

        when:
        dispatcher.dispatch(OrdersEvents.STREAM, envelope(request))

        then:
        ended(request) == 'SUCCEEDED'
        with(PaymentsDb.refund(tx, request.refundId())) {
            attempts == 3
            request_id == RefundRequestIds.of(request.refundId(), 1)
        }
        network.calls.get() == 3
        vnpay.refundedVnd(payment.txnRef()) == 690_000
        PaymentsDb.events(tx, json, request.refundId().toString())*.type == ['RefundCompleted']
    }

    def "when VNPay's answer is lost after it refunded, the copy of the request is refused (94) and nothing is refunded twice"() {
        given:
        def payment = capturedAtStandIn(690_000)
        def request = refund(payment, Ids.newId(), 250_000)
        network.script.add(FlakyVnPayApi.Fault.ANSWER_LOST)

        when:
        dispatcher.dispatch(OrdersEvents.STREAM, envelope(request))

        then: 'the refund ends FAILED and marked in doubt, for someone to check with VNPay; VNPay refunded once'
        ended(request) == 'FAILED'
        def failure = PaymentsDb.refund(tx, request.refundId())
        failure.attempts == 2
        failure.request_id == RefundRequestIds.of(request.refundId(), 1)
        failure.provider_response_code == '94'
        failure.in_doubt == true
        (failure.failure_reason as String).startsWith('VNPay answered 94 (Duplicate request) to request ' + failure.request_id)
        vnpay.refundedVnd(payment.txnRef()) == 250_000
        PaymentsDb.events(tx, json, request.refundId().toString()).isEmpty()
    }

    def "a refund whose calls never get through ends FAILED, in doubt, after the last attempt"() {
        given:
        def payment = capturedAtStandIn(690_000)
        def request = refund(payment, null, 690_000)
        network.script.addAll([FlakyVnPayApi.Fault.UNAVAILABLE] * 4)

        when:
        dispatcher.dispatch(OrdersEvents.STREAM, envelope(request))

        then:
        ended(request) == 'FAILED'
        with(PaymentsDb.refund(tx, request.refundId())) {
            attempts == 4
            in_doubt == true
            (failure_reason as String).startsWith("gave up after 4 attempts; last: VNPay's API answered HTTP 503")
        }
        network.calls.get() == 4
        vnpay.refundedVnd(payment.txnRef()) == 0
    }

    def "a refund whose worker died during the call is taken again when its lease ends, with the same request id"() {
        given: 'a refund claimed for its first call by a worker that then died'
        def payment = capturedAtStandIn(690_000)
        def request = refund(payment, null, 690_000)
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS)
        def claimed = Refund.requested(request, payment, now).claim(now, Duration.ofMillis(300)).get()

        when:
        context.getBean(Refunds).save(claimed)

        then:
        ended(request) == 'SUCCEEDED'
        with(PaymentsDb.refund(tx, request.refundId())) {
            attempts == 2
            request_id == RefundRequestIds.of(request.refundId(), 1)
        }
        vnpay.refundedVnd(payment.txnRef()) == 690_000
    }

    def "two instances' workers share twenty refunds of one payment without refunding any twice"() {
        given: 'a second instance of the service on the same database, calling the same VNPay'
        def other = ApplicationContext.run([
                'spec.name'                   : 'VnPayRefundSpec.other',
                'micronaut.server.port'       : -1,
                'ocop.events.consumer.enabled': 'false',
                'ocop.vnpay.api.url'          : "$base/vnpay-standin/merchant_webapi/api/transaction".toString()], 'test')
        def payment = capturedAtStandIn(690_000)
        def requests = (1..20).collect { refund(payment, Ids.newId(), 30_000) }

        when:
        requests.each { dispatcher.dispatch(OrdersEvents.STREAM, envelope(it)) }

        then:
        requests.every { ended(it) == 'SUCCEEDED' }
        Infra.count(tx, 'SELECT SUM(attempts) FROM refunds WHERE checkout_id = ?', [payment.checkoutId().toString()]) == 20
        vnpay.refundedVnd(payment.txnRef()) == 600_000
        Infra.count(tx, "SELECT COUNT(*) FROM outbox WHERE event_type = 'RefundCompleted'") == 20

        cleanup:
        other?.close()
    }

    /** What a notification must not change: the session, the refunds, the outbox and the ledger. */
    private Map<String, Object> everything(PaymentSession payment) {
        [session: PaymentsDb.session(tx, payment.txnRef()),
         refunds: PaymentsDb.refunds(tx, payment.checkoutId()),
         outbox : Infra.rows(tx, 'SELECT event_id, event_type, aggregate_id FROM outbox ORDER BY seq'),
         ledger : LedgerDb.snapshot(tx)]
    }

    /** The state the refund ends in, once it has ended. */
    private String ended(RefundRequested request) {
        String state = null
        conditions.eventually {
            state = PaymentsDb.refund(tx, request.refundId())?.state
            assert state in ['SUCCEEDED', 'FAILED']
        }
        state
    }

    /** A payment captured the way a buyer pays: a session opened by the service, paid on the stand-in's page. */
    private PaymentSession capturedAtStandIn(long amountVnd) {
        def checkout = new CheckoutAwaitingPayment(Ids.newId(), 'CK-REFUND01', Ids.newId(), PaymentMethod.VNPAY, amountVnd,
                Instant.now().plus(10, ChronoUnit.MINUTES), '127.0.0.1')
        def handler = context.getBeansOfType(EventHandler).find { it.type() == CheckoutAwaitingPayment.TYPE }
        tx.executeWrite { handler.handle(checkout, null) }
        def sessions = context.getBean(PaymentSessions)
        def opened = Infra.rows(tx, 'SELECT txn_ref, pay_url FROM payment_sessions WHERE checkout_id = ?',
                [checkout.checkoutId().toString()]).first()
        def page = get(opened.pay_url as String)
        def link = page.headers().firstValue('Link').orElseThrow()
        assert get(link.substring(1, link.indexOf('>'))).statusCode() == 302
        def paid = sessions.findByTxnRef(opened.txn_ref as String).get()
        assert paid.capturedCheckoutId() == checkout.checkoutId()
        paid
    }

    private static RefundRequested refund(PaymentSession payment, UUID orderId, long amountVnd) {
        new RefundRequested(Ids.newId(), payment.checkoutId(), orderId, PaymentMethod.VNPAY, amountVnd, 'order cancelled',
                Instant.now())
    }

    private EventEnvelope envelope(RefundRequested request) {
        new EventEnvelope(Ids.newId(), RefundRequested.TYPE, RefundRequested.VERSION, Instant.now(), request.checkoutId().toString(),
                null, json.writeValueToTree(request))
    }

    private HttpResponse<String> get(String url) {
        http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString())
    }

    private static int freePort() {
        new ServerSocket(0).withCloseable { it.localPort }
    }
}
