package vn.ocop.payments.refund

import io.lettuce.core.api.StatefulRedisConnection
import io.micronaut.context.annotation.Property
import io.micronaut.json.JsonMapper
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import io.micronaut.transaction.TransactionOperations
import jakarta.inject.Inject
import java.sql.Connection
import java.time.Instant
import java.util.concurrent.Callable
import java.util.concurrent.CountDownLatch
import java.util.concurrent.Executors
import spock.lang.Specification
import spock.util.concurrent.PollingConditions
import vn.ocop.orders.api.OrdersEvents
import vn.ocop.orders.api.RefundRequested
import vn.ocop.payments.PaymentsDb
import vn.ocop.payments.api.PaymentMethod
import vn.ocop.payments.session.PaymentSession
import vn.ocop.payments.session.PaymentSessions
import vn.ocop.platform.Infra
import vn.ocop.platform.consumer.EventDispatcher
import vn.ocop.platform.event.EventEnvelope
import vn.ocop.platform.event.Ids

/**
 * RefundRequested events arriving on the orders stream in Redis, as orders publishes them: what is recorded. The
 * refund worker is off here, so the recorded refunds stay as the handler left them.
 */
@MicronautTest(transactional = false)
@Property(name = 'spec.name', value = 'RefundRequestedSpec')
@Property(name = 'ocop.payments.refunds.worker.enabled', value = 'false')
class RefundRequestedSpec extends Specification {

    @Inject TransactionOperations<Connection> tx
    @Inject StatefulRedisConnection<String, String> redis
    @Inject JsonMapper json
    @Inject PaymentSessions sessions
    @Inject EventDispatcher dispatcher
    def conditions = new PollingConditions(timeout: 15)

    PaymentSession captured

    def setup() {
        PaymentsDb.clean(tx)
        captured = sessions.save(PaymentsDb.capturedSession(amountVnd: 690_000))
    }

    def "a refund of a captured VNPay payment is recorded against it once, however often orders asks"() {
        given:
        def request = refund(captured.checkoutId(), null, 690_000)
        def first = envelope(request)

        when: 'the event arrives, is redelivered, and orders publishes the same refund again as a new event'
        handled(first)
        handled(first)
        handled(envelope(request))

        then:
        def checkoutId = captured.checkoutId().toString()
        def sessionId = captured.id().toString()
        PaymentsDb.refunds(tx, captured.checkoutId()).size() == 1
        with(PaymentsDb.refund(tx, request.refundId())) {
            state == 'REQUESTED'
            checkout_id == checkoutId
            order_id == null
            session_id == sessionId
            method == 'VNPAY'
            amount_vnd == 690_000
            reason == 'checkout cancelled before the payment arrived'
            attempts == 0
            request_id == null
            completed_at == null
        }

        and: 'nothing is announced yet, and no provider was called'
        Infra.count(tx, 'SELECT COUNT(*) FROM outbox') == 0
    }

    def "partial refunds of one checkout's seller orders add up to at most what was captured"() {
        given:
        def first = refund(captured.checkoutId(), Ids.newId(), 400_000)
        def second = refund(captured.checkoutId(), Ids.newId(), 290_000)
        def third = refund(captured.checkoutId(), Ids.newId(), 1)

        when:
        [first, second, third].each { handled(envelope(it)) }

        then:
        PaymentsDb.refunds(tx, captured.checkoutId()).collect { [it.order_id, it.amount_vnd, it.state] } == [
                [first.orderId().toString(), 400_000, 'REQUESTED'],
                [second.orderId().toString(), 290_000, 'REQUESTED'],
                [third.orderId().toString(), 1, 'FAILED']]
        PaymentsDb.refund(tx, third.refundId()).failure_reason ==
                "refund of 1 VND exceeds what is left of payment ${captured.txnRef()}: 690000 VND received, 690000 VND already refunded or being refunded"

        when: 'a refund failed for good: its amount is free again'
        Infra.execute(tx, "UPDATE refunds SET state = 'FAILED', completed_at = NOW(6) WHERE id = ?", [second.refundId().toString()])
        def again = refund(captured.checkoutId(), second.orderId(), 290_000)
        handled(envelope(again))

        then:
        PaymentsDb.refund(tx, again.refundId()).state == 'REQUESTED'
    }

    def "a refund #problem is recorded FAILED with its reason, and nothing is announced"() {
        given:
        def checkoutId = [captured: captured.checkoutId(), unpaid: Ids.newId(),
                          open    : { sessions.save(PaymentsDb.openSession()).checkoutId() }][checkout]
        checkoutId = checkoutId instanceof Closure ? checkoutId() : checkoutId
        def request = refund(checkoutId, Ids.newId(), amountVnd)

        when:
        handled(envelope(request))

        then:
        def expected = reason.replace('CHECKOUT', checkoutId.toString()).replace('TXNREF', captured.txnRef())
        with(PaymentsDb.refund(tx, request.refundId())) {
            state == 'FAILED'
            amount_vnd == amountVnd
            attempts == 0
            completed_at != null
            failure_reason == expected
        }
        Infra.count(tx, 'SELECT COUNT(*) FROM outbox') == 0

        when: 'orders asks again'
        handled(envelope(request))

        then:
        PaymentsDb.refunds(tx, checkoutId).size() == 1

        where:
        problem                               | checkout   | amountVnd || reason
        'above what was captured'             | 'captured' | 690_001   || 'refund of 690001 VND exceeds what is left of payment TXNREF: ' +
                                                                            '690000 VND received, 0 VND already refunded or being refunded'
        'of a checkout paid by no one'        | 'unpaid'   | 690_000   || 'checkout CHECKOUT has no captured payment to refund'
        'of a checkout whose session is open' | 'open'     | 1         || 'checkout CHECKOUT has no captured payment to refund'
        'of nothing'                          | 'captured' | 0         || 'refund amount 0 VND is not positive'
    }

    def "ten refunds of 100,000 VND racing for one 690,000 VND payment: six are accepted, four refused"() {
        given:
        def requests = (1..10).collect { refund(captured.checkoutId(), Ids.newId(), 100_000) }
        def start = new CountDownLatch(1)
        def pool = Executors.newFixedThreadPool(10)

        when:
        def futures = requests.collect { request ->
            pool.submit({ start.await(); dispatcher.dispatch(OrdersEvents.STREAM, envelope(request)) } as Callable)
        }
        start.countDown()
        futures*.get()

        then:
        def states = PaymentsDb.refunds(tx, captured.checkoutId())*.state
        states.size() == 10
        states.count { it == 'REQUESTED' } == 6
        states.count { it == 'FAILED' } == 4
        Infra.count(tx, "SELECT SUM(amount_vnd) FROM refunds WHERE state = 'REQUESTED'") == 600_000

        cleanup:
        pool.shutdownNow()
    }

    private static RefundRequested refund(UUID checkoutId, UUID orderId, long amountVnd) {
        new RefundRequested(Ids.newId(), checkoutId, orderId, PaymentMethod.VNPAY, amountVnd,
                orderId == null ? 'checkout cancelled before the payment arrived' : 'order cancelled by the seller', Instant.now())
    }

    private EventEnvelope envelope(RefundRequested request) {
        new EventEnvelope(Ids.newId(), RefundRequested.TYPE, RefundRequested.VERSION, Instant.now(), request.checkoutId().toString(),
                null, json.writeValueToTree(request))
    }

    /** Appends the event to the orders stream and waits until payments has handled it. */
    private void handled(EventEnvelope envelope) {
        redis.sync().xadd(OrdersEvents.STREAM, [id: envelope.id().toString(), type: envelope.type(),
                                                envelope: json.writeValueAsString(envelope)])
        conditions.eventually {
            assert Infra.count(tx, 'SELECT COUNT(*) FROM inbox WHERE event_id = ?', [envelope.id().toString()]) == 1
        }
    }
}
