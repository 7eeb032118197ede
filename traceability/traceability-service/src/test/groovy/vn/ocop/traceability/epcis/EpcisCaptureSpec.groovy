package vn.ocop.traceability.epcis

import io.micronaut.context.annotation.Property
import io.micronaut.http.client.HttpClient
import io.micronaut.http.client.annotation.Client
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import io.micronaut.transaction.TransactionOperations
import jakarta.inject.Inject
import java.sql.Connection
import java.time.Instant
import vn.ocop.platform.Infra
import vn.ocop.platform.event.Ids
import vn.ocop.traceability.product.Product
import vn.ocop.traceability.product.ProductRepository

/** Capture of EPCIS 2.0 documents: the GS1 schema, our lots found by their identifiers, all or nothing. */
@MicronautTest(transactional = false)
@Property(name = 'spec.name', value = 'EpcisCaptureSpec')
class EpcisCaptureSpec extends EpcisSpecSupport {

    static final List<String> EXAMPLES = ['Example_9.6.1-ObjectEvent.jsonld', 'Example_9.6.1-ObjectEventWithDigitalLink.jsonld',
                                          'Example_9.6.3-AggregationEvent.jsonld', 'Example_9.6.4-TransformationEvent.jsonld',
                                          'Example_9.6.4-TransformationEventWithDigitalLink.jsonld']

    @Inject @Client('/') HttpClient client
    @Inject ProductRepository products
    @Inject TransactionOperations<Connection> tx

    UUID seller = Ids.newId()
    UUID otherSeller = Ids.newId()
    UUID rice = Ids.newId()
    UUID honey = Ids.newId()

    HttpClient client() { client }

    def setup() {
        products.save(new Product(rice, 1, seller, 'HTX Nông nghiệp Mỹ Xuyên', 'Gạo ST25', GTIN, Instant.parse('2026-11-01T00:00:00Z')))
        products.save(new Product(honey, 1, otherSeller, 'Ong mật Đắk Lắk', 'Mật ong hoa cà phê', null, Instant.parse('2026-11-01T00:00:00Z')))
    }

    def "the GS1 example #example is accepted, stored, and chained to none of our lots"() {
        given:
        def text = EpcisCaptureSpec.getResourceAsStream("/epcis/examples/$example").text
        def eventIds = JSON.readTree(text).path('epcisBody').path('eventList')*.path('eventID')*.asText()
        forget(eventIds)

        when:
        def response = capture(text, seller)

        then:
        response.status().code == 201
        response.body().events*.eventID == eventIds
        response.body().events.every { it.status == 'CAPTURED' && it.lots == [] }
        Infra.count(tx, "SELECT COUNT(*) FROM epcis_events WHERE event_id IN (${eventIds.collect { '?' }.join(',')})", eventIds) == eventIds.size()
        Infra.count(tx, "SELECT COUNT(*) FROM epcis_lot_events le JOIN epcis_events e ON e.id = le.event_row WHERE e.event_id = ?", [eventIds[0]]) == 0

        and: 'they are readable by eventID, as captured'
        def stored = getJson("/api/v1/epcis/events?eventID=${URLEncoder.encode(eventIds[0], 'UTF-8')}", seller)
        def original = JSON.readValue(text, Map).epcisBody.eventList[0]
        stored.epcisBody.eventList[0].findAll { k, v -> k != 'recordTime' && k != '@context' } == original
        stored.epcisBody.eventList[0]['@context'] == JSON.readValue(text, Map)['@context']

        when: 'the same document again'
        def again = capture(text, seller)

        then: 'nothing new: every event is a duplicate'
        again.body().events.every { it.status == 'DUPLICATE' }
        Infra.count(tx, "SELECT COUNT(*) FROM epcis_events WHERE event_id IN (${eventIds.collect { '?' }.join(',')})", eventIds) == eventIds.size()

        where:
        example << EXAMPLES
    }

    def "events naming our lot by LGTIN, Digital Link or serial Digital Link are chained to it in order"() {
        given:
        def code = newLotCode()
        registerLot(seller, rice, code)

        when:
        def response = capture(document([observe(lgtin(code), '2026-11-20T08:00:00+07:00'),
                                         observe(digitalLink(code), '2026-11-20T09:00:00+07:00'),
                                         [type: 'ObjectEvent', action: 'OBSERVE', eventTime: '2026-11-20T10:00:00+07:00',
                                          eventTimeZoneOffset: '+07:00', epcList: ["${digitalLink(code)}/21/000123".toString()]]]), seller)

        then:
        response.status().code == 201
        // link 1 is the lot's commissioning, recorded when it was registered
        response.body().events*.lots*.collect { [it.lotCode, it.position] } == [[[code, 2]], [[code, 3]], [[code, 4]]]
        Infra.rows(tx, 'SELECT le.position, e.biz_step, e.event_time_zone_offset, le.seller_id FROM epcis_lot_events le '
                + 'JOIN epcis_events e ON e.id = le.event_row JOIN lots l ON l.id = le.lot_id WHERE l.code = ? ORDER BY le.position', [code]) ==
                [[position: 1, biz_step: 'commissioning', event_time_zone_offset: '+07:00', seller_id: seller.toString()],
                 [position: 2, biz_step: 'inspecting', event_time_zone_offset: '+07:00', seller_id: seller.toString()],
                 [position: 3, biz_step: 'inspecting', event_time_zone_offset: '+07:00', seller_id: seller.toString()],
                 [position: 4, biz_step: null, event_time_zone_offset: '+07:00', seller_id: seller.toString()]]
    }

    def "an event without eventID gets a urn:uuid one, and a single event with its @context is captured too"() {
        given:
        def code = newLotCode()
        registerLot(seller, rice, code)

        when:
        def response = capture(observe(lgtin(code)) + ['@context': GS1_CONTEXT], seller)

        then:
        response.status().code == 201
        response.body().events[0].eventID ==~ /urn:uuid:[0-9a-f-]{36}/
        response.body().events[0].lots*.lotCode == [code]
    }

    def "a document failing the GS1 schema is refused with its violations, and nothing is stored"() {
        given:
        def code = newLotCode()
        registerLot(seller, rice, code)
        def good = observe(lgtin(code), '2026-11-20T08:00:00+07:00', 'inspecting', newEventId())
        def bad = observe(lgtin(code), '2026-11-20T09:00:00+07:00', 'inspecting', newEventId())
        bad.remove('eventTimeZoneOffset')
        bad.action = 'LOOK'

        when:
        def e = captureFails(document([good, bad]), seller)

        then:
        e.status.code == 422
        e.response.contentType.get().toString().startsWith('application/problem+json')
        def problem = problem(e)
        problem.code == 'epcis_schema_invalid'
        problem.errors*.field.every { it.startsWith('/epcisBody/eventList/1') }
        problem.errors.any { it.message.contains('eventTimeZoneOffset') }
        problem.errors.any { it.message.contains('LOOK') || it.field.endsWith('/action') }
        Infra.count(tx, 'SELECT COUNT(*) FROM epcis_events WHERE event_id IN (?, ?)', [good.eventID, bad.eventID]) == 0
        // only the lot's commissioning, recorded when it was registered
        Infra.count(tx, 'SELECT COUNT(*) FROM epcis_lot_events le JOIN lots l ON l.id = le.lot_id WHERE l.code = ?', [code]) == 1
    }

    def "#situation is refused with a problem"() {
        when:
        def e = captureFails(body, seller)

        then:
        e.status.code == status
        problem(e).code == code

        where:
        situation                      | body                                                                         || status | code
        'a body that is not JSON'      | '{"type": "EPCISDocument",'                                                  || 400    | 'epcis_unreadable'
        'a key given twice'            | '{"type": "EPCISDocument", "type": "ObjectEvent"}'                           || 400    | 'epcis_unreadable'
        'a query document'             | [type: 'EPCISQueryDocument', '@context': GS1_CONTEXT, schemaVersion: '2.0',
                                          creationDate: '2026-11-20T08:00:00Z',
                                          epcisBody: [queryResults: [queryName: 'SimpleEventQuery',
                                                                     resultsBody: [eventList: []]]]]          || 422    | 'epcis_not_capturable'
        'an event without @context'    | observe('urn:epc:class:lgtin:893123.0456789.X1')                             || 422    | 'epcis_schema_invalid'
        'an extension event type'      | document([[type: 'example:SensorEvent', eventTime: '2026-11-20T08:00:00Z',
                                                    eventTimeZoneOffset: '+07:00']],
                                                  [GS1_CONTEXT, [example: 'http://ns.example.com/epcis/']])     || 422    | 'epcis_event_type_unsupported'
        'one eventID used twice'       | document([observe('urn:epc:class:lgtin:893123.0456789.X2', '2026-11-20T08:00:00Z', 'inspecting', 'urn:uuid:0193a3b0-1c2d-7e3f-8a4b-5c6d7e8f9a0b'),
                                                   observe('urn:epc:class:lgtin:893123.0456789.X3', '2026-11-20T08:00:00Z', 'inspecting', 'urn:uuid:0193a3b0-1c2d-7e3f-8a4b-5c6d7e8f9a0b')]) || 422 | 'epcis_event_id_repeated'
    }

    def "a document with an event for another seller's lot is refused with 403, and none of its events is stored"() {
        given:
        def mine = newLotCode()
        def theirs = newLotCode()
        registerLot(seller, rice, mine)
        registerLot(otherSeller, honey, theirs)
        def ownEvent = observe(lgtin(mine), '2026-11-20T08:00:00+07:00', 'inspecting', newEventId())
        def foreignEvent = observe("${baseUrl()}/t/${theirs}".toString(), '2026-11-20T09:00:00+07:00', 'inspecting', newEventId())

        when:
        def e = captureFails(document([ownEvent, foreignEvent]), seller)

        then:
        e.status.code == 403
        problem(e).code == 'epcis_lot_not_yours'
        problem(e).detail.contains(theirs)
        Infra.count(tx, 'SELECT COUNT(*) FROM epcis_events WHERE event_id IN (?, ?)', [ownEvent.eventID, foreignEvent.eventID]) == 0
        // only the two lots' commissioning, recorded when they were registered
        Infra.count(tx, 'SELECT COUNT(*) FROM epcis_lot_events le JOIN lots l ON l.id = le.lot_id WHERE l.code IN (?, ?)', [mine, theirs]) == 2

        and: 'the other seller captures it for their own lot, and an admin may capture for anyone'
        capture(document([foreignEvent]), otherSeller).body().events[0].lots*.lotCode == [theirs]
        capture(document([ownEvent]), Ids.newId(), ['ADMIN']).body().events[0].lots*.lotCode == [mine]
    }

    def "an eventID captured before with other content is a conflict"() {
        given:
        def code = newLotCode()
        registerLot(seller, rice, code)
        def eventId = newEventId()
        capture(document([observe(lgtin(code), '2026-11-20T08:00:00+07:00', 'inspecting', eventId)]), seller)

        when:
        def e = captureFails(document([observe(lgtin(code), '2026-11-20T08:00:00+07:00', 'shipping', eventId)]), seller)

        then:
        e.status.code == 409
        problem(e).code == 'epcis_event_id_conflict'
        Infra.rows(tx, 'SELECT biz_step FROM epcis_events WHERE event_id = ?', [eventId]) == [[biz_step: 'inspecting']]
    }

    def "a GS1 identifier with our lot code but another GTIN is not our lot"() {
        given:
        def code = newLotCode()
        registerLot(seller, rice, code)

        when: 'the other seller names a lot with the same lot number under a GTIN that is not our product'
        def response = capture(document([observe("https://id.gs1.org/01/09506000134352/10/${code}")]), otherSeller)

        then:
        response.status().code == 201
        response.body().events[0].lots == []
    }

    private void forget(List<String> eventIds) {
        eventIds.each { Infra.execute(tx, 'DELETE FROM epcis_events WHERE event_id = ?', [it]) }
    }
}
