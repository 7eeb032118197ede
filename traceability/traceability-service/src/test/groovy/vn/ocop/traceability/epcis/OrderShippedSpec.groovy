package vn.ocop.traceability.epcis

import io.lettuce.core.api.StatefulRedisConnection
import io.micronaut.context.annotation.Property
import io.micronaut.http.client.HttpClient
import io.micronaut.http.client.annotation.Client
import io.micronaut.json.JsonMapper
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import io.micronaut.transaction.TransactionOperations
import jakarta.inject.Inject
import java.sql.Connection
import java.time.Instant
import spock.util.concurrent.PollingConditions
import vn.ocop.orders.api.OrderShipped
import vn.ocop.orders.api.OrdersEvents
import vn.ocop.platform.Infra
import vn.ocop.platform.TestEvents
import vn.ocop.platform.event.Ids
import vn.ocop.traceability.product.Product
import vn.ocop.traceability.product.ProductRepository

/** Orders' OrderShipped, read from the real ocop.orders stream, records one shipping event per lot shipped. */
@MicronautTest(transactional = false)
@Property(name = 'spec.name', value = 'OrderShippedSpec')
class OrderShippedSpec extends EpcisSpecSupport {

    @Inject @Client('/') HttpClient client
    @Inject ProductRepository products
    @Inject TransactionOperations<Connection> tx
    @Inject StatefulRedisConnection<String, String> redis
    @Inject JsonMapper json
    def conditions = new PollingConditions(timeout: 15)

    UUID seller = Ids.newId()
    UUID rice = Ids.newId()

    HttpClient client() { client }

    def setup() {
        products.save(new Product(rice, 1, seller, 'HTX Nông nghiệp Mỹ Xuyên', 'Gạo ST25', GTIN, Instant.parse('2026-11-01T00:00:00Z')))
    }

    def "a shipment delivered twice records one shipping event per lot, with the order and the tracking number"() {
        given:
        def lotA = newLotCode('SH')
        def lotB = newLotCode('SH')
        registerLot(seller, rice, lotA)
        registerLot(seller, rice, lotB)
        def orderId = Ids.newId()
        def shipped = new OrderShipped(orderId, 'DH-2611-0042', Ids.newId(), seller, 'VNPost', 'EB123456789VN',
                Instant.parse('2026-11-21T02:30:00Z'), [
                new OrderShipped.Line(Ids.newId(), rice, 2, lotA),
                new OrderShipped.Line(Ids.newId(), rice, 3, lotA),
                new OrderShipped.Line(Ids.newId(), rice, 1, lotB),
                new OrderShipped.Line(Ids.newId(), rice, 4, null),
                new OrderShipped.Line(Ids.newId(), rice, 1, 'KHONG-CO-LO-NAY')])
        def envelope = TestEvents.envelope(json, OrderShipped.TYPE, orderId.toString(), shipped)

        when:
        2.times { TestEvents.append(redis, json, OrdersEvents.STREAM, envelope) }

        then:
        conditions.eventually {
            assert consumed()
            assert shippingEvents(lotA).size() == 1
            assert shippingEvents(lotB).size() == 1
        }
        Infra.count(tx, 'SELECT COUNT(*) FROM inbox WHERE event_id = ?', [envelope.id().toString()]) == 1

        and: 'the event is a standard shipping ObjectEvent at +07:00 for the lot\'s units'
        def event = JSON.readValue(shippingEvents(lotA).first().body as String, Map)
        event.type == 'ObjectEvent'
        event.action == 'OBSERVE'
        event.bizStep == 'shipping'
        event.disposition == 'in_transit'
        event.eventTime == '2026-11-21T09:30:00+07:00'
        event.eventTimeZoneOffset == '+07:00'
        event.quantityList == [[epcClass: digitalLink(lotA), quantity: 5]]
        event.readPoint == [id: "${baseUrl()}/id/place/seller/${seller}".toString()]
        event.bizTransactionList == [[type: 'po', bizTransaction: "${baseUrl()}/id/order/DH-2611-0042".toString()],
                                     [type: 'bol', bizTransaction: "${baseUrl()}/id/shipment/VNPost/EB123456789VN".toString()]]
        JSON.readValue(shippingEvents(lotB).first().body as String, Map).quantityList == [[epcClass: digitalLink(lotB), quantity: 1]]

        and: 'the lot\'s record holds it, intact, and its export validates'
        // the lot's commissioning (recorded when it was registered), then its shipping
        getJson("${path(lotA)}/verify", seller) == [lotCode: lotA, intact: true, length: 2,
                                                    headHash: shippingEvents(lotA).first().hash]
        schemaViolations(get(path(lotA), seller).body()) == [] as Set
    }

    def "a shipment naming another seller's lot records nothing for that lot"() {
        given:
        def otherSeller = Ids.newId()
        def otherRice = Ids.newId()
        products.save(new Product(otherRice, 1, otherSeller, 'HTX Long Phú', 'Gạo ST24', GTIN, Instant.parse('2026-11-01T00:00:00Z')))
        def theirs = newLotCode('SH')
        registerLot(otherSeller, otherRice, theirs)
        def orderId = Ids.newId()
        def shipped = new OrderShipped(orderId, 'DH-2611-0043', Ids.newId(), seller, 'GHTK', 'S1234', Instant.parse('2026-11-21T02:30:00Z'),
                [new OrderShipped.Line(Ids.newId(), rice, 2, theirs)])
        def envelope = TestEvents.envelope(json, OrderShipped.TYPE, orderId.toString(), shipped)

        when:
        TestEvents.append(redis, json, OrdersEvents.STREAM, envelope)

        then:
        conditions.eventually {
            assert consumed()
            assert Infra.count(tx, 'SELECT COUNT(*) FROM inbox WHERE event_id = ?', [envelope.id().toString()]) == 1
        }
        shippingEvents(theirs) == []
    }

    private List<Map> shippingEvents(String lotCode) {
        Infra.rows(tx, "SELECT e.body, le.hash FROM epcis_lot_events le JOIN epcis_events e ON e.id = le.event_row "
                + "JOIN lots l ON l.id = le.lot_id WHERE l.code = ? AND e.biz_step = 'shipping' ORDER BY le.position", [lotCode])
    }

    /** Every message of the stream was delivered to the service's group and acknowledged. */
    private boolean consumed() {
        def group = redis.sync().xinfoGroups(OrdersEvents.STREAM).collect { it.collate(2).collectEntries() }
                .find { it.name == 'traceability' }
        group != null && group.pending == 0 && (group.lag ?: 0) == 0
    }
}
