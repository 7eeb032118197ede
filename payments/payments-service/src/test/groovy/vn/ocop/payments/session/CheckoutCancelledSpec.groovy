package vn.ocop.payments.session

import io.lettuce.core.api.StatefulRedisConnection
import io.micronaut.context.annotation.Property
import io.micronaut.http.HttpRequest
import io.micronaut.http.client.HttpClient
import io.micronaut.http.client.annotation.Client
import io.micronaut.json.JsonMapper
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import io.micronaut.transaction.TransactionOperations
import jakarta.inject.Inject
import java.sql.Connection
import java.time.Instant
import java.util.concurrent.Callable
import java.util.concurrent.CountDownLatch
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit
import spock.lang.Specification
import spock.util.concurrent.PollingConditions
import vn.ocop.orders.api.CheckoutCancelled
import vn.ocop.orders.api.OrdersEvents
import vn.ocop.payments.PaymentsDb
import vn.ocop.payments.vnpay.VnPayRequests
import vn.ocop.platform.Infra
import vn.ocop.platform.consumer.EventDispatcher
import vn.ocop.platform.event.EventEnvelope
import vn.ocop.platform.event.Ids

/**
 * CheckoutCancelled events arriving on the orders stream in Redis, as orders publishes them at a checkout's payBefore,
 * and VNPay's payments that arrive after or with them.
 */
@MicronautTest(transactional = false)
@Property(name = 'spec.name', value = 'CheckoutCancelledSpec')
class CheckoutCancelledSpec extends Specification {

    @Inject TransactionOperations<Connection> tx
    @Inject StatefulRedisConnection<String, String> redis
    @Inject JsonMapper json
    @Inject PaymentSessions sessions
    @Inject EventDispatcher dispatcher
    @Inject @Client('/') HttpClient client
    def conditions = new PollingConditions(timeout: 15)

    def setup() {
        PaymentsDb.clean(tx)
    }

    def "a checkout cancelled #reason cancels its open session, once, and publishes nothing"() {
        given:
        def session = sessions.save(PaymentsDb.openSession())

        when:
        handled(cancelled(session.checkoutId(), reason))

        then:
        with(PaymentsDb.session(tx, session.txnRef())) {
            state == 'CANCELLED'
            captured_checkout_id == null
            paid_at == null
        }
        def cancelledAt = PaymentsDb.session(tx, session.txnRef()).updated_at
        Infra.count(tx, 'SELECT COUNT(*) FROM outbox') == 0

        when: 'orders says it again, as another event'
        handled(cancelled(session.checkoutId(), CheckoutCancelled.BY_BUYER))

        then:
        PaymentsDb.session(tx, session.txnRef()).state == 'CANCELLED'
        PaymentsDb.session(tx, session.txnRef()).updated_at == cancelledAt
        Infra.count(tx, 'SELECT COUNT(*) FROM outbox') == 0

        where:
        reason << [CheckoutCancelled.EXPIRED, CheckoutCancelled.BY_BUYER]
    }

    def "a session that already #state is left as it is"() {
        given:
        def session = sessions.save(PaymentsDb.openSession())
        Infra.execute(tx, 'UPDATE payment_sessions SET state = ?, captured_checkout_id = ? WHERE id = ?',
                [state, state == 'SUCCEEDED' ? session.checkoutId().toString() : null, session.id().toString()])

        when:
        handled(cancelled(session.checkoutId(), CheckoutCancelled.EXPIRED))

        then:
        PaymentsDb.session(tx, session.txnRef()).state == state

        where:
        state << ['SUCCEEDED', 'FAILED', 'EXPIRED']
    }

    def "a cancelled checkout without a session changes nothing, and another checkout's session stays open"() {
        given:
        def other = sessions.save(PaymentsDb.openSession())

        when:
        handled(cancelled(Ids.newId(), CheckoutCancelled.BY_BUYER))

        then:
        PaymentsDb.session(tx, other.txnRef()).state == 'OPEN'
        Infra.count(tx, 'SELECT COUNT(*) FROM payment_sessions') == 1
    }

    def "a payment VNPay reports after the cancellation is still captured, for orders to refund"() {
        given:
        def session = sessions.save(PaymentsDb.openSession(amountVnd: 690_000))
        handled(cancelled(session.checkoutId(), CheckoutCancelled.EXPIRED))

        when:
        def answer = client.toBlocking().retrieve(HttpRequest.GET('/payments/vnpay/ipn?'
                + VnPayRequests.signed(VnPayRequests.ipn(session.txnRef(), 690_000))), Map)

        then:
        answer.RspCode == '00'
        PaymentsDb.session(tx, session.txnRef()).state == 'SUCCEEDED'
        PaymentsDb.events(tx, json, session.id().toString())*.type == ['PaymentSucceeded']
    }

    def "20 cancellations racing 20 successful IPNs lose no payment and capture each once"() {
        given:
        def opened = (1..20).collect { sessions.save(PaymentsDb.openSession(amountVnd: 690_000)) }
        def start = new CountDownLatch(1)
        def pool = Executors.newFixedThreadPool(8)

        when: 'for each session, the cancellation and VNPay\'s IPN are handled at the same moment'
        def ipns = opened.collect { session ->
            def envelope = envelope(cancelled(session.checkoutId(), CheckoutCancelled.EXPIRED))
            pool.submit({ start.await(); dispatcher.dispatch(OrdersEvents.STREAM, envelope) } as Callable)
            pool.submit({
                start.await()
                client.toBlocking().retrieve(HttpRequest.GET('/payments/vnpay/ipn?'
                        + VnPayRequests.signed(VnPayRequests.ipn(session.txnRef(), 690_000))), Map).RspCode
            } as Callable<String>)
        }
        start.countDown()
        def answers = ipns*.get()
        pool.shutdown()
        pool.awaitTermination(30, TimeUnit.SECONDS)

        then: 'whichever came first, VNPay is told 00 and the payment is captured'
        answers == ['00'] * 20
        opened.every { PaymentsDb.session(tx, it.txnRef()).state == 'SUCCEEDED' }
        Infra.count(tx, "SELECT COUNT(*) FROM outbox WHERE event_type = 'PaymentSucceeded'") == 20

        cleanup:
        pool.shutdownNow()
    }

    private static CheckoutCancelled cancelled(UUID checkoutId, String reason) {
        new CheckoutCancelled(checkoutId, 'CK-7Q4M2X9P', Ids.newId(), reason, Instant.now())
    }

    private EventEnvelope envelope(CheckoutCancelled event) {
        new EventEnvelope(Ids.newId(), CheckoutCancelled.TYPE, CheckoutCancelled.VERSION, Instant.now(),
                event.checkoutId().toString(), null, json.writeValueToTree(event))
    }

    /** Appends the event to the orders stream and waits until payments has handled it. */
    private void handled(CheckoutCancelled event) {
        def envelope = envelope(event)
        redis.sync().xadd(OrdersEvents.STREAM, [id: envelope.id().toString(), type: envelope.type(),
                                                envelope: json.writeValueAsString(envelope)])
        conditions.eventually {
            assert Infra.count(tx, 'SELECT COUNT(*) FROM inbox WHERE event_id = ?', [envelope.id().toString()]) == 1
        }
    }
}
