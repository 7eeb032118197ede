package vn.ocop.traceability.epcis

import io.micronaut.context.annotation.Property
import io.micronaut.http.client.HttpClient
import io.micronaut.http.client.annotation.Client
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import io.micronaut.transaction.TransactionOperations
import jakarta.inject.Inject
import java.sql.Connection
import java.time.Instant
import java.time.LocalDate
import java.time.OffsetDateTime
import vn.ocop.platform.Infra
import vn.ocop.platform.event.Ids
import vn.ocop.platform.problem.ProblemException
import vn.ocop.traceability.product.Product
import vn.ocop.traceability.product.ProductRepository

/** The events our own flows record: standard CBV steps at +07:00, valid against the GS1 schema, on the lots' chains. */
@MicronautTest(transactional = false)
@Property(name = 'spec.name', value = 'EpcisRecorderSpec')
class EpcisRecorderSpec extends EpcisSpecSupport {

    @Inject @Client('/') HttpClient client
    @Inject ProductRepository products
    @Inject TransactionOperations<Connection> tx
    @Inject EpcisRecorder recorder

    UUID seller = Ids.newId()
    UUID paddy = Ids.newId()
    UUID rice = Ids.newId()

    HttpClient client() { client }

    def setup() {
        products.save(new Product(paddy, 1, seller, 'HTX Nông nghiệp Mỹ Xuyên', 'Lúa ST25', null, Instant.parse('2026-11-01T00:00:00Z')))
        products.save(new Product(rice, 1, seller, 'HTX Nông nghiệp Mỹ Xuyên', 'Gạo ST25', GTIN, Instant.parse('2026-11-01T00:00:00Z')))
    }

    def "harvest, milling, packing, receiving and retail selling make one valid record for each lot"() {
        given: 'two lots, whose registration recorded their commissioning'
        def paddyCode = newLotCode('LUA')
        def riceCode = newLotCode('GAO')
        def paddyLot = UUID.fromString(registerLot(seller, paddy, paddyCode).id as String)
        def riceLot = UUID.fromString(registerLot(seller, rice, riceCode).id as String)
        def packing = Ids.newId()
        def shop = 'urn:epc:id:sgln:8930000.00002.0'

        when:
        def milling = recorder.transformed(Ids.newId(), 'milling', [new EpcisRecorder.LotAmount(paddyLot, 1000.0)],
                [new EpcisRecorder.LotAmount(riceLot, 640.0)], Instant.parse('2026-11-05T03:00:00Z'))
        recorder.packed(packing, riceLot, 50.0, ['A0001', 'A0002'], Instant.parse('2026-11-06T03:00:00Z'))
        recorder.received(riceLot, 10.0, shop, Instant.parse('2026-11-08T03:00:00Z'))
        recorder.retailSold(riceLot, 5.0, shop, Instant.parse('2026-11-09T03:00:00Z'))

        then: 'the transformation is on both lots\' chains'
        milling.events[0].lots*.lotCode as Set == [paddyCode, riceCode] as Set

        and:
        def paddyDoc = JSON.readValue(get(path(paddyCode), seller).body(), Map)
        def riceDoc = JSON.readValue(get(path(riceCode), seller).body(), Map)
        schemaViolations(get(path(paddyCode), seller).body()) == [] as Set
        schemaViolations(get(path(riceCode), seller).body()) == [] as Set
        paddyDoc.epcisBody.eventList*.bizStep == ['commissioning', 'commissioning']
        riceDoc.epcisBody.eventList*.bizStep == ['commissioning', 'commissioning', 'packing', 'receiving', 'retail_selling']
        riceDoc.epcisBody.eventList*.type == ['ObjectEvent', 'TransformationEvent', 'AggregationEvent', 'ObjectEvent', 'ObjectEvent']
        (paddyDoc.epcisBody.eventList + riceDoc.epcisBody.eventList).every { it.eventTimeZoneOffset == '+07:00' && it.eventTime.endsWith('+07:00') }

        and: 'the registration commissioned the lot, with its number and harvest date in ilmd, at the seller\'s premises'
        def premises = "${baseUrl()}/id/place/seller/${seller}".toString()
        with(paddyDoc.epcisBody.eventList[0]) {
            type == 'ObjectEvent'
            action == 'ADD'
            eventTime.endsWith('+07:00')
            quantityList == [[epcClass: "${baseUrl()}/t/${paddyCode}".toString(), quantity: 1200.0, uom: 'KGM']]
            readPoint.id == premises
            ilmd == ['cbvmda:lotNumber'     : paddyCode, 'cbvmda:countryOfOrigin': 'VN', 'cbvmda:harvestStartDate': '2026-11-02',
                     'cbvmda:harvestEndDate': '2026-11-02']
        }
        paddyDoc.epcisBody.eventList[0]['@context'] == [GS1_CONTEXT, [ocop: "${baseUrl()}/ns/epcis#".toString()]]

        and: 'packing aggregates the serialised units of the lot under the packing'
        with(riceDoc.epcisBody.eventList[2]) {
            parentID == "${baseUrl()}/id/packing/${packing}".toString()
            childEPCs == ["${digitalLink(riceCode)}/21/A0001".toString(), "${digitalLink(riceCode)}/21/A0002".toString()]
            childQuantityList == [[epcClass: digitalLink(riceCode), quantity: 50.0, uom: 'KGM']]
        }

        and: 'both chains verify'
        getJson("${path(paddyCode)}/verify", seller).intact == true
        getJson("${path(riceCode)}/verify", seller).length == 5
    }

    def "the bags of a lot without a GTIN are aggregated under their labels' short URIs, on the lot's chain"() {
        given:
        def paddyCode = newLotCode('LUA')
        def paddyLot = UUID.fromString(registerLot(seller, paddy, paddyCode).id as String)

        when:
        recorder.packed(Ids.newId(), paddyLot, null, ['B0001', 'B0002'], Instant.parse('2026-11-06T03:00:00Z'))

        then: 'the labels name the units as the resolver answers them, and the document stays valid'
        def document = get(path(paddyCode), seller).body()
        schemaViolations(document) == [] as Set
        JSON.readValue(document, Map).epcisBody.eventList[1].childEPCs ==
                ["${baseUrl()}/t/${paddyCode}/B0001".toString(), "${baseUrl()}/t/${paddyCode}/B0002".toString()]
        getJson("${path(paddyCode)}/verify", seller).length == 2
    }

    def "a lot's harvest recorded again with the same content is stored once; with other content it is refused"() {
        given: 'a lot, whose registration recorded its harvest'
        def code = newLotCode('LUA')
        def lot = UUID.fromString(registerLot(seller, paddy, code).id as String)
        def recorded = JSON.readValue(Infra.rows(tx, 'SELECT e.body FROM epcis_events e JOIN epcis_lot_events le ON le.event_row = e.id '
                + 'WHERE le.lot_id = ? AND le.position = 1', [lot.toString()]).first().body as String, Map)
        def at = OffsetDateTime.parse(recorded.eventTime as String).toInstant()

        when: 'the same harvest again'
        def again = recorder.harvested(lot, new BigDecimal('1200.000'), at, LocalDate.parse('2026-11-02'), null)

        then:
        again.events*.status == ['DUPLICATE']

        when: 'another harvest under the same lot'
        recorder.harvested(lot, 800.0, at, null, null)

        then:
        thrown(ProblemException)
        Infra.count(tx, 'SELECT COUNT(*) FROM epcis_lot_events le JOIN lots l ON l.id = le.lot_id WHERE l.code = ?', [code]) == 1
    }

    def "a transformation across two sellers' lots is refused"() {
        given:
        def otherSeller = Ids.newId()
        def otherPaddy = Ids.newId()
        products.save(new Product(otherPaddy, 1, otherSeller, 'HTX Long Phú', 'Lúa OM5451', null, Instant.parse('2026-11-01T00:00:00Z')))
        def mine = UUID.fromString(registerLot(seller, rice, newLotCode('GAO')).id as String)
        def theirs = UUID.fromString(registerLot(otherSeller, otherPaddy, newLotCode('LUA')).id as String)

        when:
        recorder.transformed(Ids.newId(), 'milling', [new EpcisRecorder.LotAmount(theirs, 100.0)],
                [new EpcisRecorder.LotAmount(mine, 60.0)], Instant.parse('2026-11-05T03:00:00Z'))

        then:
        def e = thrown(ProblemException)
        e.code() == 'epcis_lot_not_yours'
        // only the lots' commissioning, recorded when they were registered
        Infra.count(tx, 'SELECT COUNT(*) FROM epcis_lot_events WHERE lot_id IN (?, ?)', [mine.toString(), theirs.toString()]) == 2
    }
}
