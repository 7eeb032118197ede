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
        given:
        def paddyCode = newLotCode('LUA')
        def riceCode = newLotCode('GAO')
        def paddyLot = UUID.fromString(registerLot(seller, paddy, paddyCode).id as String)
        def riceLot = UUID.fromString(registerLot(seller, rice, riceCode).id as String)
        def packing = Ids.newId()
        def shop = 'urn:epc:id:sgln:8930000.00002.0'

        when:
        recorder.harvested(paddyLot, 1200.0, Instant.parse('2026-11-02T01:00:00Z'), LocalDate.parse('2026-11-02'), 'ST-MX-0001')
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
        riceDoc.epcisBody.eventList*.bizStep == ['commissioning', 'packing', 'receiving', 'retail_selling']
        riceDoc.epcisBody.eventList*.type == ['TransformationEvent', 'AggregationEvent', 'ObjectEvent', 'ObjectEvent']
        (paddyDoc.epcisBody.eventList + riceDoc.epcisBody.eventList).every { it.eventTimeZoneOffset == '+07:00' && it.eventTime.endsWith('+07:00') }

        and: 'the harvest commissions the lot, with its number, date and growing area in ilmd'
        with(paddyDoc.epcisBody.eventList[0]) {
            type == 'ObjectEvent'
            action == 'ADD'
            eventTime == '2026-11-02T08:00:00+07:00'
            quantityList == [[epcClass: "${baseUrl()}/t/${paddyCode}".toString(), quantity: 1200.0, uom: 'KGM']]
            readPoint.id == "${baseUrl()}/id/place/area/ST-MX-0001".toString()
            ilmd == ['cbvmda:lotNumber'       : paddyCode, 'cbvmda:countryOfOrigin': 'VN', 'cbvmda:harvestStartDate': '2026-11-02',
                     'cbvmda:harvestEndDate'  : '2026-11-02', 'ocop:growingAreaCode': 'ST-MX-0001']
        }
        paddyDoc.epcisBody.eventList[0]['@context'] == [GS1_CONTEXT, [ocop: "${baseUrl()}/ns/epcis#".toString()]]

        and: 'packing aggregates the serialised units of the lot under the packing'
        with(riceDoc.epcisBody.eventList[1]) {
            parentID == "${baseUrl()}/id/packing/${packing}".toString()
            childEPCs == ["${digitalLink(riceCode)}/21/A0001".toString(), "${digitalLink(riceCode)}/21/A0002".toString()]
            childQuantityList == [[epcClass: digitalLink(riceCode), quantity: 50.0, uom: 'KGM']]
        }

        and: 'both chains verify'
        getJson("${path(paddyCode)}/verify", seller).intact == true
        getJson("${path(riceCode)}/verify", seller).length == 4
    }

    def "recording the same harvest twice stores it once"() {
        given:
        def code = newLotCode('LUA')
        def lot = UUID.fromString(registerLot(seller, paddy, code).id as String)

        when:
        def first = recorder.harvested(lot, 800.0, Instant.parse('2026-11-02T01:00:00Z'), null, null)
        def second = recorder.harvested(lot, 800.0, Instant.parse('2026-11-02T01:00:00Z'), null, null)

        then:
        first.events*.status == ['CAPTURED']
        second.events*.status == ['DUPLICATE']
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
        Infra.count(tx, 'SELECT COUNT(*) FROM epcis_lot_events WHERE lot_id IN (?, ?)', [mine.toString(), theirs.toString()]) == 0
    }
}
