package vn.ocop.payments.session

import io.lettuce.core.Range
import io.lettuce.core.api.StatefulRedisConnection
import io.micronaut.context.annotation.Property
import io.micronaut.data.exceptions.DataAccessException
import io.micronaut.json.JsonMapper
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import io.micronaut.transaction.TransactionOperations
import jakarta.inject.Inject
import java.sql.Connection
import java.time.Duration
import java.time.Instant
import java.time.temporal.ChronoUnit
import spock.lang.Specification
import spock.util.concurrent.PollingConditions
import vn.ocop.orders.api.CheckoutAwaitingPayment
import vn.ocop.orders.api.OrdersEvents
import vn.ocop.payments.PaymentsDb
import vn.ocop.payments.api.PaymentMethod
import vn.ocop.payments.api.PaymentsEvents
import vn.ocop.payments.vnpay.VnPayRequests
import vn.ocop.platform.Infra
import vn.ocop.platform.event.EventEnvelope
import vn.ocop.platform.event.Ids

/** CheckoutAwaitingPayment events arriving on the orders stream in Redis, as orders publishes them. */
@MicronautTest(transactional = false)
@Property(name = 'spec.name', value = 'SessionOpeningSpec')
class SessionOpeningSpec extends Specification {

    @Inject TransactionOperations<Connection> tx
    @Inject StatefulRedisConnection<String, String> redis
    @Inject JsonMapper json
    @Inject PaymentSessions sessions
    def conditions = new PollingConditions(timeout: 15)

    def setup() {
        PaymentsDb.clean(tx)
        redis.sync().del(PaymentsEvents.STREAM)
    }

    def "a checkout awaiting VNPay payment gets a session and PaymentSessionOpened with the signed pay URL"() {
        given:
        def checkout = checkout(PaymentMethod.VNPAY, Instant.now().plus(10, ChronoUnit.MINUTES))

        when:
        append(envelope(checkout))

        then:
        conditions.eventually {
            assert opened(checkout.checkoutId()).size() == 1
        }
        def session = Infra.rows(tx, 'SELECT * FROM payment_sessions WHERE checkout_id = ?', [checkout.checkoutId().toString()]).first()
        session.state == 'OPEN'
        session.method == 'VNPAY'
        session.amount_vnd == 690_000
        session.checkout_number == 'CK-7Q4M2X9P'
        session.txn_ref ==~ /[0-9A-Z]{16}/
        session.captured_checkout_id == null

        and: 'the event carries the redirect to VNPay, signed for this session'
        def event = opened(checkout.checkoutId()).first()
        event.sessionId == session.id
        event.method == 'VNPAY'
        event.amountVnd == 690_000
        event.action.kind == 'REDIRECT'
        event.action.url == session.pay_url
        Instant.parse(event.expiresAt as String) == checkout.payBefore().truncatedTo(ChronoUnit.SECONDS)
        def (base, query) = (event.action.url as String).split('\\?', 2).toList()
        base == 'https://sandbox.vnpayment.vn/paymentv2/vpcpay.html'
        def params = VnPayRequests.parse(query)
        params.vnp_TxnRef == session.txn_ref
        params.vnp_Amount == '69000000'
        params.vnp_IpAddr == '113.161.72.10'
        query == VnPayRequests.signed(params.findAll { it.key != 'vnp_SecureHash' })
    }

    def "a redelivered or duplicated CheckoutAwaitingPayment opens no second session"() {
        given:
        def checkout = checkout(PaymentMethod.VNPAY, Instant.now().plus(10, ChronoUnit.MINUTES))
        def first = envelope(checkout)
        def duplicate = envelope(checkout)

        when: 'the same event arrives twice, and orders publishes the same fact again under a new event id'
        append(first)
        append(first)
        append(duplicate)

        then:
        conditions.eventually {
            assert Infra.count(tx, 'SELECT COUNT(*) FROM inbox WHERE event_id IN (?, ?)',
                    [first.id().toString(), duplicate.id().toString()]) == 2
            assert pendingAndLag() == [0L, 0L]
        }
        Infra.count(tx, 'SELECT COUNT(*) FROM payment_sessions WHERE checkout_id = ?', [checkout.checkoutId().toString()]) == 1
        Infra.count(tx, "SELECT COUNT(*) FROM outbox WHERE event_type = 'PaymentSessionOpened'") == 1
    }

    def "the session expires at the checkout's payBefore, but at most #maximum after it opens"() {
        given:
        def checkout = checkout(PaymentMethod.VNPAY, Instant.now().plus(payIn).truncatedTo(ChronoUnit.SECONDS))

        when:
        append(envelope(checkout))

        then:
        conditions.eventually {
            assert opened(checkout.checkoutId()).size() == 1
        }
        def session = Infra.rows(tx, 'SELECT created_at, expires_at FROM payment_sessions WHERE checkout_id = ?',
                [checkout.checkoutId().toString()]).first()
        def createdAt = PaymentsDb.utc(session.created_at)
        def expiresAt = PaymentsDb.utc(session.expires_at)
        expiresAt == (capped ? createdAt + maximum : checkout.payBefore())
        Instant.parse(opened(checkout.checkoutId()).first().expiresAt as String) == expiresAt

        where:
        payIn                   | capped
        Duration.ofMinutes(10)  | false
        Duration.ofHours(2)     | true
        maximum = Duration.ofMinutes(15)
    }

    def "a checkout awaiting payment by #method gets no session yet"() {
        given:
        def checkout = checkout(method, Instant.now().plus(10, ChronoUnit.MINUTES))
        def envelope = envelope(checkout)

        when:
        append(envelope)

        then: 'the event is handled, and nothing is opened or published'
        conditions.eventually {
            assert Infra.count(tx, 'SELECT COUNT(*) FROM inbox WHERE event_id = ?', [envelope.id().toString()]) == 1
        }
        Infra.count(tx, 'SELECT COUNT(*) FROM payment_sessions') == 0
        Infra.count(tx, 'SELECT COUNT(*) FROM outbox') == 0

        where:
        method << [PaymentMethod.CARD]
    }

    def "the database refuses a second open session for one checkout, but not a new one after a failure"() {
        given:
        def first = PaymentsDb.openSession()
        sessions.save(first)

        when: 'two openings raced past the lookup in the handler'
        sessions.save(PaymentsDb.openSession(checkoutId: first.checkoutId()))

        then:
        thrown(DataAccessException)

        when: 'the first attempt failed, and a later one opens'
        Infra.execute(tx, "UPDATE payment_sessions SET state = 'FAILED' WHERE id = ?", [first.id().toString()])
        sessions.save(PaymentsDb.openSession(checkoutId: first.checkoutId()))

        then:
        Infra.count(tx, 'SELECT COUNT(*) FROM payment_sessions WHERE checkout_id = ?', [first.checkoutId().toString()]) == 2
    }

    private static CheckoutAwaitingPayment checkout(PaymentMethod method, Instant payBefore) {
        new CheckoutAwaitingPayment(Ids.newId(), 'CK-7Q4M2X9P', Ids.newId(), method, 690_000, payBefore, '113.161.72.10')
    }

    private EventEnvelope envelope(CheckoutAwaitingPayment checkout) {
        new EventEnvelope(Ids.newId(), CheckoutAwaitingPayment.TYPE, CheckoutAwaitingPayment.VERSION, Instant.now(),
                checkout.checkoutId().toString(), null, json.writeValueToTree(checkout))
    }

    private void append(EventEnvelope envelope) {
        redis.sync().xadd(OrdersEvents.STREAM, [id: envelope.id().toString(), type: envelope.type(),
                                                envelope: json.writeValueAsString(envelope)])
    }

    /** The data of the PaymentSessionOpened events on the payments stream for one checkout. */
    private List<Map> opened(UUID checkoutId) {
        redis.sync().xrange(PaymentsEvents.STREAM, Range.create('-', '+'))
                .collect { json.readValue(it.body.envelope, Map) }
                .findAll { it.type == 'PaymentSessionOpened' && it.data.checkoutId == checkoutId.toString() }
                *.data
    }

    private List<Long> pendingAndLag() {
        def group = redis.sync().xinfoGroups(OrdersEvents.STREAM).collect { it.collate(2).collectEntries() }.find { it.name == 'payments' }
        group ? [group.pending as long, (group.lag ?: 0) as long] : [-1L, -1L]
    }
}
