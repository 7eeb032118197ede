package vn.ocop.traceability.epcis

import io.micronaut.context.annotation.Property
import io.micronaut.http.client.HttpClient
import io.micronaut.http.client.annotation.Client
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import io.micronaut.transaction.TransactionOperations
import jakarta.inject.Inject
import java.sql.Connection
import java.time.Instant
import java.util.concurrent.Callable
import java.util.concurrent.CountDownLatch
import java.util.concurrent.Executors
import vn.ocop.platform.Infra
import vn.ocop.platform.event.Ids
import vn.ocop.traceability.product.Product
import vn.ocop.traceability.product.ProductRepository

/** A lot's hash chain (appends under concurrency, verification after tampering), its query and its EPCIS export. */
@MicronautTest(transactional = false)
@Property(name = 'spec.name', value = 'EpcisChainSpec')
class EpcisChainSpec extends EpcisSpecSupport {

    @Inject @Client('/') HttpClient client
    @Inject ProductRepository products
    @Inject TransactionOperations<Connection> tx

    UUID seller = Ids.newId()
    UUID rice = Ids.newId()
    UUID honey = Ids.newId()

    HttpClient client() { client }

    def setup() {
        products.save(new Product(rice, 1, seller, 'HTX Nông nghiệp Mỹ Xuyên', 'Gạo ST25', GTIN, Instant.parse('2026-11-01T00:00:00Z')))
        products.save(new Product(honey, 1, seller, 'HTX Nông nghiệp Mỹ Xuyên', 'Mật ong tràm', null, Instant.parse('2026-11-01T00:00:00Z')))
    }

    def "captures racing on one lot append one after the other: one consistent chain"() {
        given: 'a lot, whose registration recorded its commissioning as the first link'
        def code = newLotCode()
        registerLot(seller, rice, code)
        int racers = 6
        def start = new CountDownLatch(1)
        def pool = Executors.newFixedThreadPool(racers)

        when:
        def futures = (1..racers).collect { i ->
            pool.submit({
                start.await()
                capture(document([observe(lgtin(code), "2026-11-20T0${i}:00:00+07:00"),
                                  observe(digitalLink(code), "2026-11-20T0${i}:30:00+07:00")]), seller).status().code
            } as Callable<Integer>)
        }
        start.countDown()
        def statuses = futures*.get()
        pool.shutdown()

        then:
        statuses.every { it == 201 }
        Infra.rows(tx, 'SELECT le.position FROM epcis_lot_events le JOIN lots l ON l.id = le.lot_id WHERE l.code = ? ORDER BY le.position',
                [code])*.position == (1..2 * racers + 1).toList()

        and: 'each document\'s two events are next to each other'
        def positions = Infra.rows(tx, 'SELECT le.position, e.event_time FROM epcis_lot_events le JOIN lots l ON l.id = le.lot_id '
                + 'JOIN epcis_events e ON e.id = le.event_row WHERE l.code = ? ORDER BY le.position', [code])
        positions.drop(1).collate(2).every { pair -> pair[0].event_time.toString().substring(0, 13) == pair[1].event_time.toString().substring(0, 13) }

        and:
        with(getJson("${path(code)}/verify", seller)) {
            intact == true
            length == 2 * racers + 1
            brokenLink == null
        }
    }

    def "verify reports the first broken link when #what is altered in the database"() {
        given:
        def code = newLotCode()
        registerLot(seller, rice, code)
        def captured = capture(document((1..4).collect { observe(lgtin(code), "2026-11-2${it}T08:00:00+07:00") }), seller).body()
        def eventIds = captured.events*.eventID
        def lotId = Infra.rows(tx, 'SELECT id FROM lots WHERE code = ?', [code]).first().id

        expect:
        getJson("${path(code)}/verify", seller).intact == true

        when:
        alter(tx, lotId, eventIds[2])

        then:
        def report = getJson("${path(code)}/verify", seller)
        report.intact == false
        // the lot's commissioning is link 1, the captured events links 2 to 5
        report.brokenLink.position == 4
        report.brokenLink.eventId == eventIds[2]
        report.brokenLink.reason == 'HASH_MISMATCH'
        report.brokenLink.storedHash == Infra.rows(tx, 'SELECT hash FROM epcis_lot_events WHERE lot_id = ? AND position = 4', [lotId]).first().hash
        report.brokenLink.expectedHash != report.brokenLink.storedHash

        where:
        what                           | alter
        'the JSON of one event'        | { t, lot, event -> Infra.execute(t, "UPDATE epcis_events SET body = REPLACE(body, '\"quantity\":10', '\"quantity\":11') WHERE event_id = ?", [event]) }
        'the time zone of one event'   | { t, lot, event -> Infra.execute(t, "UPDATE epcis_events SET body = REPLACE(body, '+07:00', '+08:00') WHERE event_id = ?", [event]) }
        'the hash of one link'         | { t, lot, event -> Infra.execute(t, "UPDATE epcis_lot_events SET hash = SHA2('forged', 256) WHERE lot_id = ? AND position = 4", [lot]) }
    }

    def "verify notices links removed from the end of the chain"() {
        given:
        def code = newLotCode()
        registerLot(seller, rice, code)
        capture(document((1..3).collect { observe(lgtin(code), "2026-11-2${it}T08:00:00+07:00") }), seller)
        def lotId = Infra.rows(tx, 'SELECT id FROM lots WHERE code = ?', [code]).first().id

        when: 'the last of its four links (commissioning and three captured events) is deleted'
        Infra.execute(tx, 'DELETE FROM epcis_lot_events WHERE lot_id = ? AND position = 4', [lotId])

        then:
        with(getJson("${path(code)}/verify", seller)) {
            intact == false
            brokenLink.reason == 'HEAD_MISMATCH'
        }
    }

    def "the export is an EPCIS 2.0 document that validates against the GS1 schema, as #mediaType"() {
        given:
        def code = newLotCode()
        registerLot(seller, rice, code)
        capture(document([observe(lgtin(code), '2026-11-20T08:00:00+07:00'),
                          observe(digitalLink(code), '2026-11-21T08:00:00+07:00') + ['example:note': 'Kiểm tra độ ẩm 14%']],
                [GS1_CONTEXT, [example: 'http://ns.example.com/epcis/']]), seller)

        when:
        def response = get(path(code), seller, ['OFFICER'], accept)

        then:
        response.contentType.get().toString().startsWith(mediaType)
        schemaViolations(response.body()) == [] as Set
        def exported = JSON.readValue(response.body(), Map)
        exported['@context'] == GS1_CONTEXT
        exported.type == 'EPCISDocument'
        exported.schemaVersion == '2.0'
        exported.creationDate != null
        exported.epcisBody.eventList*.bizStep == ['commissioning', 'inspecting', 'inspecting']
        exported.epcisBody.eventList.every { it.eventID ==~ /urn:uuid:.+/ && it.recordTime != null && it.eventTimeZoneOffset == '+07:00' }
        exported.epcisBody.eventList[2]['example:note'] == 'Kiểm tra độ ẩm 14%'
        exported.epcisBody.eventList[2]['@context'] == [GS1_CONTEXT, [example: 'http://ns.example.com/epcis/']]

        where:
        accept                | mediaType
        null                  | 'application/ld+json'
        'application/ld+json' | 'application/ld+json'
        'application/json'    | 'application/json'
    }

    def "events of a lot by time range: from inclusive, to exclusive, with a keyset cursor"() {
        given:
        def code = newLotCode()
        registerLot(seller, honey, code)
        def id = "${baseUrl()}/t/${code}".toString()
        capture(document(['2026-11-20T07:00:00+07:00', '2026-11-20T08:00:00+07:00', '2026-11-20T09:00:00+07:00',
                          '2026-11-20T10:00:00+07:00'].collect { observe(id, it) }), seller)
        def base = "${path(code)}/events"

        when:
        def page = getJson("$base?from=${enc('2026-11-20T01:00:00Z')}&to=${enc('2026-11-20T10:00:00+07:00')}&limit=2", seller)

        then:
        page.items*.eventTime == ['2026-11-20T08:00:00+07:00', '2026-11-20T09:00:00+07:00']
        page.nextCursor == null || getJson("$base?from=${enc('2026-11-20T01:00:00Z')}&to=${enc('2026-11-20T10:00:00+07:00')}&limit=2&cursor=${page.nextCursor}", seller).items == []

        when:
        def first = getJson("$base?limit=3", seller)
        def rest = getJson("$base?limit=3&cursor=${first.nextCursor}", seller)

        then:
        // link 1 is the lot's commissioning, recorded when it was registered
        first.items*.position == [1, 2, 3]
        rest.items*.position == [4, 5]
        rest.nextCursor == null

        and: 'the export takes the same range'
        JSON.readValue(get("${path(code)}?from=${enc('2026-11-20T09:00:00+07:00')}&to=${enc('2026-11-21T00:00:00+07:00')}", seller).body(), Map)
                .epcisBody.eventList*.eventTime == ['2026-11-20T09:00:00+07:00', '2026-11-20T10:00:00+07:00']
    }

    def "#situation is a problem, not a page"() {
        given:
        def code = newLotCode()
        registerLot(seller, honey, code)

        when:
        def e = getFails("${path(code)}/events?${query}", account, roles)

        then:
        e.status.code == status
        e.response.contentType.get().toString().startsWith('application/problem+json')
        problem(e).code == problemCode

        where:
        situation                 | query                                                                            | account                  | roles      || status | problemCode
        'a time without offset'   | "from=${enc('2026-11-20T08:00:00')}"                                             | null                     | ['SELLER'] || 400    | 'invalid_request'
        'a date only'             | 'to=2026-11-20'                                                                  | null                     | ['SELLER'] || 400    | 'invalid_request'
        'an empty range'          | "from=${enc('2026-11-20T09:00:00+07:00')}&to=${enc('2026-11-20T08:00:00+07:00')}" | null                     | ['SELLER'] || 400    | 'epcis_range_invalid'
        'a bad cursor'            | 'cursor=abc'                                                                     | null                     | ['SELLER'] || 400    | 'invalid_request'
        'another seller'          | ''                                                                               | UUID.randomUUID()        | ['SELLER'] || 403    | 'lot_not_yours'
        'a buyer'                 | ''                                                                               | UUID.randomUUID()        | ['BUYER']  || 403    | 'forbidden'
    }

    def "an unknown lot is 404"() {
        expect:
        getFails("${path('KHONG-CO')}/verify", seller, ['OFFICER']).status.code == 404
    }

    static String enc(String value) {
        URLEncoder.encode(value, 'UTF-8')
    }

    @Override
    io.micronaut.http.client.exceptions.HttpClientResponseException getFails(String path, UUID account, List<String> roles) {
        super.getFails(path, account ?: seller, roles)
    }
}
