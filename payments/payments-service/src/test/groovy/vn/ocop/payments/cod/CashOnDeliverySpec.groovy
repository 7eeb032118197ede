package vn.ocop.payments.cod

import io.lettuce.core.Range
import io.micronaut.context.annotation.Property
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import java.time.Instant
import java.util.concurrent.Callable
import java.util.concurrent.CountDownLatch
import java.util.concurrent.Executors
import vn.ocop.orders.api.OrderDelivered
import vn.ocop.orders.api.OrdersEvents
import vn.ocop.payments.PaymentsDb
import vn.ocop.payments.api.PaymentMethod
import vn.ocop.payments.api.PaymentsEvents
import vn.ocop.payments.ledger.LedgerDb
import vn.ocop.platform.Infra
import vn.ocop.platform.ServiceSpecification
import vn.ocop.platform.consumer.EventDispatcher
import vn.ocop.platform.event.EventEnvelope
import vn.ocop.platform.event.Ids
import vn.ocop.platform.event.NonRetryableEventException

/**
 * Cash on delivery recorded as a payment: orders' OrderDelivered, from the orders stream in Redis or through the
 * platform's dispatcher (inbox and transaction, as from the stream), and what payments records and announces.
 */
@MicronautTest(transactional = false)
@Property(name = 'spec.name', value = 'CashOnDeliverySpec')
@Property(name = 'ocop.payments.refunds.worker.enabled', value = 'false')
@Property(name = 'ocop.payments.payouts.schedule.enabled', value = 'false')
class CashOnDeliverySpec extends ServiceSpecification {

    @Inject EventDispatcher dispatcher

    def setup() {
        PaymentsDb.clean(tx)
        LedgerDb.clean(tx)
    }

    def "a cash-on-delivery order delivered with its cash is one PaymentSucceeded by COD, however often orders says so"() {
        given: 'the seller marks the order delivered, having collected 470,000 VND at the door'
        def delivered = delivery(PaymentMethod.COD, 470_000)
        def event = envelope(delivered)

        when: 'the event arrives three times on the orders stream, as redeliveries bring it'
        def lastId = (1..3).collect { append(event) }.last()

        then: 'the three were handled and acknowledged'
        conditions.eventually {
            def group = redis.sync().xinfoGroups(OrdersEvents.STREAM).collect { it as List }
                    .collect { (0..<it.size()).step(2).collectEntries { i -> [(it[i] as String): it[i + 1]] } }
                    .find { it.name == 'payments' }
            assert group.'last-delivered-id' == lastId
            assert group.pending == 0
        }

        and: 'one collection is recorded for the order'
        def columns = ['order_number', 'checkout_id', 'seller_id', 'amount_vnd', 'confirmed_by']
        collections(delivered.orderId())*.subMap(columns) ==
                [[order_number: delivered.orderNumber(), checkout_id: delivered.checkoutId().toString(),
                  seller_id   : delivered.sellerId().toString(), amount_vnd: 470_000, confirmed_by: 'SELLER']]
        def collection = collections(delivered.orderId()).first()
        PaymentsDb.utc(collection.collected_at) == delivered.deliveredAt()

        and: 'one PaymentSucceeded by COD reaches the payments stream, named by the collection'
        conditions.eventually {
            assert announced(delivered.checkoutId()).size() == 1
        }
        announced(delivered.checkoutId()) == [[sessionId        : collection.id,
                                               checkoutId       : delivered.checkoutId().toString(),
                                               method           : 'COD',
                                               amountVnd        : 470_000,
                                               providerReference: delivered.orderNumber(),
                                               paidAt           : delivered.deliveredAt().toString()]]

        and: 'cash never reaches the ledger'
        Infra.count(tx, 'SELECT COUNT(*) FROM ledger_entries') == 0
    }

    def "the same delivery published again under new event ids, even all at once, records and announces nothing more"() {
        given:
        def delivered = delivery(PaymentMethod.COD, 215_000)
        def first = envelope(delivered)

        when: 'the event is handled, redelivered, and published twice more as new events'
        def outcomes = [first, first, envelope(delivered), envelope(delivered)].collect { dispatcher.dispatch(OrdersEvents.STREAM, it) }

        then:
        outcomes == [EventDispatcher.Outcome.HANDLED, EventDispatcher.Outcome.DUPLICATE, EventDispatcher.Outcome.HANDLED,
                     EventDispatcher.Outcome.HANDLED]
        collections(delivered.orderId()).size() == 1
        succeeded()*.data*.amountVnd == [215_000]

        when: 'eight copies under new event ids arrive at the same moment for another order'
        def other = delivery(PaymentMethod.COD, 99_000)
        def start = new CountDownLatch(1)
        def pool = Executors.newFixedThreadPool(8)
        def futures = (1..8).collect {
            def copy = envelope(other)
            pool.submit({ start.await(); dispatcher.dispatch(OrdersEvents.STREAM, copy) } as Callable)
        }
        start.countDown()
        def raced = futures*.get()

        then: 'each is handled without error, and the order has one collection, announced once'
        raced == [EventDispatcher.Outcome.HANDLED] * 8
        collections(other.orderId()).size() == 1
        succeeded()*.data*.amountVnd as Set == [215_000, 99_000] as Set
        succeeded().size() == 2

        cleanup:
        pool?.shutdownNow()
    }

    def "a delivered order paid #method with #cash VND collected records and announces nothing"() {
        given:
        def delivered = delivery(method, cash)

        when:
        def outcome = dispatcher.dispatch(OrdersEvents.STREAM, envelope(delivered))

        then:
        outcome == EventDispatcher.Outcome.HANDLED
        Infra.count(tx, 'SELECT COUNT(*) FROM cod_collections') == 0
        Infra.count(tx, 'SELECT COUNT(*) FROM outbox') == 0

        where:
        method               | cash
        PaymentMethod.VNPAY  | 0
        PaymentMethod.VIETQR | 0
        PaymentMethod.CARD   | 0
        PaymentMethod.VNPAY  | 300_000
        PaymentMethod.COD    | 0
    }

    def "a delivery that names no order number goes to the dead letters at once and records nothing"() {
        given:
        def broken = new OrderDelivered(Ids.newId(), null, Ids.newId(), Ids.newId(), PaymentMethod.COD, 470_000, 'SELLER',
                Instant.parse('2026-11-24T09:30:00Z'))
        def event = envelope(broken)

        when:
        dispatcher.dispatch(OrdersEvents.STREAM, event)

        then:
        thrown(NonRetryableEventException)
        Infra.count(tx, 'SELECT COUNT(*) FROM cod_collections') == 0
        Infra.count(tx, 'SELECT COUNT(*) FROM outbox') == 0
        Infra.count(tx, 'SELECT COUNT(*) FROM inbox WHERE event_id = ?', [event.id().toString()]) == 0
    }

    private static OrderDelivered delivery(PaymentMethod method, long cashVnd) {
        UUID orderId = Ids.newId()
        new OrderDelivered(orderId, 'OD-' + orderId.toString().takeRight(8).toUpperCase(), Ids.newId(), Ids.newId(), method, cashVnd,
                'SELLER', Instant.parse('2026-11-24T09:30:00.123456Z'))
    }

    private EventEnvelope envelope(OrderDelivered delivered) {
        new EventEnvelope(Ids.newId(), OrderDelivered.TYPE, OrderDelivered.VERSION, Instant.now(), delivered.orderId().toString(), null,
                json.writeValueToTree(delivered))
    }

    /** Appends the envelope to the orders stream; the message's stream id. */
    private String append(EventEnvelope envelope) {
        redis.sync().xadd(OrdersEvents.STREAM, [id: envelope.id().toString(), type: envelope.type(),
                                                envelope: json.writeValueAsString(envelope)])
    }

    private List<Map<String, Object>> collections(UUID orderId) {
        Infra.rows(tx, 'SELECT * FROM cod_collections WHERE order_id = ?', [orderId.toString()])
    }

    /** The PaymentSucceeded events in the outbox, oldest first. */
    private List<Map> succeeded() {
        Infra.rows(tx, "SELECT envelope FROM outbox WHERE event_type = 'PaymentSucceeded' ORDER BY seq").collect {
            json.readValue(it.envelope as String, Map)
        }
    }

    /** The data of the PaymentSucceeded events about a checkout on the payments stream. */
    private List<Map> announced(UUID checkoutId) {
        redis.sync().xrange(PaymentsEvents.STREAM, Range.create('-', '+'))
                .collect { json.readValue(it.body.envelope, Map) }
                .findAll { it.type == 'PaymentSucceeded' && it.data.checkoutId == checkoutId.toString() }
                *.data
    }
}
