package vn.ocop.traceability.scan

import com.fasterxml.jackson.databind.ObjectMapper
import io.micronaut.context.annotation.Property
import io.micronaut.http.HttpRequest
import io.micronaut.http.HttpResponse
import io.micronaut.http.client.HttpClient
import io.micronaut.http.client.annotation.Client
import io.micronaut.http.client.exceptions.HttpClientResponseException
import io.lettuce.core.api.StatefulRedisConnection
import io.micronaut.json.JsonMapper
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import io.micronaut.transaction.TransactionOperations
import jakarta.inject.Inject
import java.sql.Connection
import java.time.Instant
import java.time.temporal.ChronoUnit
import java.util.concurrent.CountDownLatch
import java.util.concurrent.TimeUnit
import spock.util.concurrent.PollingConditions
import vn.ocop.platform.Infra
import vn.ocop.platform.TestEvents
import vn.ocop.traceability.ServiceSpec
import vn.ocop.traceability.api.ScanFlagged
import vn.ocop.traceability.api.TraceabilityEvents
import vn.ocop.traceability.product.Product
import vn.ocop.traceability.product.ProductRepository
import vn.ocop.traceability.resolver.LotViews

/**
 * Every resolution is logged in the background (no IP, location rounded, user agent clipped), and the log raises
 * counterfeit signals: a serial scanned too often, one code scanned in far-apart places within a short time, codes
 * never issued; officers see those of their province, sellers their own, admins all. Each signal is announced with one
 * ScanFlagged when it is raised, never when later scans update it.
 */
@MicronautTest(transactional = false)
@Property(name = 'spec.name', value = 'ScanSpec')
@Property(name = 'ocop.traceability.scans.max-scans-per-serial', value = '3')
@Property(name = 'ocop.traceability.scans.far-apart-km', value = '300')
@Property(name = 'ocop.traceability.scans.far-apart-within', value = '1h')
@Property(name = 'ocop.traceability.scans.far-apart-lot-codes', value = 'false')
class ScanSpec extends ServiceSpec {

    static final UUID SELLER = UUID.fromString('0193a3b0-1c2d-7e3f-8a4b-5c6d7e8f9a0b')
    static final UUID OTHER_SELLER = UUID.fromString('0193a3b0-1c2d-7e3f-8a4b-5c6d7e8f9a0c')
    static final UUID RICE = UUID.fromString('0193a3b0-0000-7000-8000-000000000001')
    static final UUID HONEY = UUID.fromString('0193a3b0-0000-7000-8000-000000000002')
    static final ObjectMapper JSON = new ObjectMapper()
    static final String CAN_THO = 'lat=10.0312&lon=105.7834'
    static final String HA_NOI = 'lat=21.0278&lon=105.8342'
    static final String NEAR_CAN_THO = 'lat=10.1&lon=105.9'
    static final List<String> TABLES = ['scans', 'scan_counts', 'scan_places', 'scan_signals']

    @Inject @Client('/') HttpClient client
    @Inject ProductRepository products
    @Inject TransactionOperations<Connection> tx
    @Inject LotViews views
    @Inject JsonMapper json
    @Inject StatefulRedisConnection<String, String> redis
    @Inject ScanWriter writer

    PollingConditions conditions = new PollingConditions(timeout: 10, delay: 0.1)
    List<String> serials

    def setup() {
        clean(tx)
        TABLES.each { Infra.execute(tx, "DELETE FROM $it") }
        views.invalidateAll()
        def at = Instant.parse('2026-11-01T00:00:00Z')
        products.save(new Product(RICE, 1, SELLER, 'HTX Mỹ Xuyên', 'Gạo ST25', '8931234567897', at, '92', null, null, null, false))
        products.save(new Product(HONEY, 1, OTHER_SELLER, 'Ong mật Đắk Lắk', 'Mật ong', null, at, '66', null, null, null, false))
        post(SELLER, '/api/v1/lots', [productId: RICE, code: 'ST25-1', quantity: 10, unit: 'kg'])
        post(OTHER_SELLER, '/api/v1/lots', [productId: HONEY, code: 'MAT-1', quantity: 10, unit: 'kg'])
        def packing = post(SELLER, '/api/v1/lots/ST25-1/packings', [unitCount: 3, unitSize: 1, packaging: 'túi 1 kg'])
        serials = post(SELLER, "/api/v1/lots/ST25-1/packings/${packing.id}/serials", [count: 3]).serials*.serial
    }

    def "every resolution is logged off the request path: time, code, outcome, rounded location, clipped user agent, no IP"() {
        given:
        def agent = 'Mozilla/5.0 (Linux; Android 14) ' + 'x' * 300

        when:
        scan("/01/08931234567897/10/ST25-1/21/${serials[0]}?$CAN_THO", 'application/json', agent)
        scan('/t/ST25-1', 'text/html')
        scan('/01/08931234567897/10/NOPE-1?lat=abc&lon=105', 'application/json')

        then:
        conditions.eventually {
            assert Infra.count(tx, 'SELECT COUNT(*) FROM scans') == 3
        }
        def rows = Infra.rows(tx, 'SELECT * FROM scans ORDER BY id')
        rows*.code_key == ["ST25-1|${serials[0]}".toString(), 'ST25-1', '/01/08931234567897/10/NOPE-1']
        rows*.outcome == ['RESOLVED', 'RESOLVED', 'UNKNOWN_LOT']
        rows*.representation == ['json', 'html', 'json']
        rows[0].latitude == 10.03
        rows[0].longitude == 105.78
        rows[0].user_agent.length() == 200
        rows[0].user_agent.startsWith('Mozilla/5.0 (Linux; Android 14) ')
        rows[1].latitude == null
        rows[2].latitude == null && rows[2].longitude == null

        and: 'nothing in the log can hold an address'
        def columns = Infra.rows(tx, "SELECT column_name AS c FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = 'scans'")*.c
        columns.toSet() == ['id', 'scanned_at', 'code_key', 'outcome', 'lot_id', 'lot_code', 'serial', 'representation', 'latitude',
                            'longitude', 'user_agent'].toSet()
    }

    def "a copied label: one serial scanned in Cần Thơ and in Hà Nội within the hour is flagged FAR_APART, once"() {
        when:
        scan("/01/08931234567897/10/ST25-1/21/${serials[0]}?$CAN_THO")
        scan("/01/08931234567897/10/ST25-1/21/${serials[0]}?$HA_NOI")

        then:
        conditions.eventually {
            assert signals('FAR_APART').size() == 1
        }
        def signal = signals('FAR_APART')[0]
        signal.code_key == "ST25-1|${serials[0]}".toString()
        signal.lot_code == 'ST25-1'
        signal.serial == serials[0]
        signal.seller_id == SELLER.toString()
        signal.province_code == '92'
        signal.distance_km > 1200 && signal.distance_km < 1240
        [signal.place_a_lat, signal.place_a_lon] == [10.03, 105.78]
        [signal.place_b_lat, signal.place_b_lon] == [21.03, 105.83]

        when: 'scanned again in both places'
        scan("/01/08931234567897/10/ST25-1/21/${serials[0]}?$CAN_THO")
        scan("/01/08931234567897/10/ST25-1/21/${serials[0]}?$HA_NOI")

        then: 'still one signal, counting all scans'
        conditions.eventually {
            assert Infra.count(tx, 'SELECT COUNT(*) FROM scans') == 4
            assert signals('FAR_APART')*.scan_count == [4]
        }
    }

    def "scans of one serial in nearby places, or far apart but hours apart, or of another serial, are not flagged"() {
        given: 'a scan in Hà Nội three hours ago (the window is one hour)'
        def earlier = Instant.now().minus(3, ChronoUnit.HOURS)
        Infra.execute(tx, 'INSERT INTO scan_places (code_key, latitude, longitude, scans, first_at, last_at) VALUES (?, 21.03, 105.83, 1, ?, ?)',
                ["ST25-1|${serials[1]}".toString(), java.sql.Timestamp.from(earlier), java.sql.Timestamp.from(earlier)])

        when:
        scan("/01/08931234567897/10/ST25-1/21/${serials[0]}?$CAN_THO")
        scan("/01/08931234567897/10/ST25-1/21/${serials[0]}?$NEAR_CAN_THO")
        scan("/01/08931234567897/10/ST25-1/21/${serials[1]}?$CAN_THO")
        scan("/01/08931234567897/10/ST25-1/21/${serials[2]}?$HA_NOI")

        and: 'the lot code without serial is scanned far apart (lot codes are left out of the rule here)'
        scan("/01/08931234567897/10/ST25-1?$CAN_THO")
        scan("/01/08931234567897/10/ST25-1?$HA_NOI")

        then:
        conditions.eventually {
            assert Infra.count(tx, 'SELECT COUNT(*) FROM scans') == 6
        }
        signals('FAR_APART').isEmpty()
        Infra.count(tx, 'SELECT COUNT(*) FROM scan_places WHERE code_key = ?', ["ST25-1|${serials[0]}".toString()]) == 2
        Infra.count(tx, "SELECT COUNT(*) FROM scan_places WHERE code_key = 'ST25-1'") == 0
    }

    def "a serial resolved more than N times (3 here) is flagged SERIAL_OVERSCANNED, one signal with the count"() {
        when:
        3.times { scan("/01/08931234567897/10/ST25-1/21/${serials[0]}") }

        then:
        conditions.eventually {
            assert Infra.count(tx, 'SELECT scans FROM scan_counts WHERE code_key = ?', ["ST25-1|${serials[0]}".toString()]) == 3
        }
        signals('SERIAL_OVERSCANNED').isEmpty()

        when:
        scan("/t/ST25-1/${serials[0]}", 'text/html')

        then:
        conditions.eventually {
            assert signals('SERIAL_OVERSCANNED')*.scan_count == [4]
        }

        when:
        2.times { scan("/01/08931234567897/10/ST25-1/21/${serials[0]}") }
        5.times { scan('/01/08931234567897/10/ST25-1') }

        then: 'the same signal is updated; a lot code without serial is never over-scanned'
        conditions.eventually {
            assert signals('SERIAL_OVERSCANNED')*.scan_count == [6]
            assert Infra.count(tx, "SELECT scans FROM scan_counts WHERE code_key = 'ST25-1'") == 5
        }
        signals('SERIAL_OVERSCANNED')*.code_key == ["ST25-1|${serials[0]}".toString()]
    }

    def "codes never issued are flagged NEVER_ISSUED, one signal per code, counted: #why"() {
        when:
        2.times { scan(path, 'text/html') }

        then:
        conditions.eventually {
            assert signals('NEVER_ISSUED')*.scan_count == [2]
        }
        def signal = signals('NEVER_ISSUED')[0]
        signal.code_key == key
        signal.lot_code == lot
        signal.province_code == province
        Infra.rows(tx, 'SELECT DISTINCT outcome FROM scans')*.outcome == [outcome]

        where:
        why                     | path                                       || key                                        | lot      | province | outcome
        'an unknown lot'        | '/01/8931234567897/10/NOPE-1'              || '/01/08931234567897/10/NOPE-1'             | null     | null     | 'UNKNOWN_LOT'
        'an unknown serial'     | '/t/ST25-1/FAKE0001'                       || '/t/ST25-1/FAKE0001'                       | 'ST25-1' | '92'     | 'UNKNOWN_SERIAL'
        'another GTIN'          | '/01/09506000134352/10/ST25-1'             || '/01/09506000134352/10/ST25-1'             | 'ST25-1' | '92'     | 'GTIN_MISMATCH'
        'a bad check digit'     | '/01/08931234567896/10/ST25-1'             || '/01/08931234567896/10/ST25-1'             | null     | null     | 'MALFORMED'
        'serial before lot'     | '/01/08931234567897/21/X/10/ST25-1'        || '/01/08931234567897/21/X/10/ST25-1'        | null     | null     | 'MALFORMED'
    }

    def "#kind (#why) is announced with one ScanFlagged when the signal is raised; later scans that update it announce nothing"() {
        given:
        def scans = { List<String> paths -> paths.each { scan(it.replace('{serial}', serials[0])) } }

        when:
        scans(first)

        then:
        conditions.eventually {
            assert Infra.count(tx, 'SELECT COUNT(*) FROM scans') == first.size()
            assert signals(kind).size() == 1
        }
        def signal = Infra.rows(tx, "SELECT id, code_key, DATE_FORMAT(created_at, '%Y-%m-%dT%H:%i:%s.%fZ') AS raised_at"
                + ' FROM scan_signals WHERE kind = ?', [kind])[0]
        def events = flagged(kind)
        events.size() == 1
        events[0].aggregateId == signal.id
        events[0].version == ScanFlagged.VERSION
        def lotId = UUID.fromString(Infra.rows(tx, "SELECT id FROM lots WHERE code = 'ST25-1'")[0].id as String)
        events[0].event == new ScanFlagged(UUID.fromString(signal.id as String), kind, signal.code_key as String,
                ours ? lotId : null, ours ? 'ST25-1' : null, ours ? RICE : null, ours ? SELLER : null, ours ? '92' : null,
                Instant.parse(signal.raised_at as String))

        when:
        scans(more)

        then: 'the signal is updated, and still announced once'
        conditions.eventually {
            assert Infra.count(tx, 'SELECT COUNT(*) FROM scans') == first.size() + more.size()
        }
        signals(kind)*.id == [signal.id]
        signals(kind)[0].updated_at != signals(kind)[0].created_at
        flagged(kind)*.id == events*.id

        and: 'every signal there is was announced exactly once'
        flaggedEvents()*.aggregateId.sort() == Infra.rows(tx, 'SELECT id FROM scan_signals')*.id.sort()

        where:
        kind                 | why                       | first                                                                                     | more                                                                      || ours
        'FAR_APART'          | 'a copied serial'         | ["/01/08931234567897/10/ST25-1/21/{serial}?$CAN_THO", "/01/08931234567897/10/ST25-1/21/{serial}?$HA_NOI"] | ["/01/08931234567897/10/ST25-1/21/{serial}?$HA_NOI"] || true
        'SERIAL_OVERSCANNED' | 'scanned 4 times, then 2' | ['/t/ST25-1/{serial}'] * 4                                                                | ['/t/ST25-1/{serial}'] * 2                                                || true
        'NEVER_ISSUED'       | 'an unknown serial'       | ['/t/ST25-1/FAKE0001']                                                                    | ['/t/ST25-1/FAKE0001'] * 2                                                || true
        'NEVER_ISSUED'       | 'an unknown lot'          | ['/01/08931234567897/10/NOPE-1']                                                          | ['/01/08931234567897/10/NOPE-1'] * 2                                      || false
    }

    def "ScanFlagged reaches the traceability stream"() {
        when:
        scan('/01/08931234567897/10/NOPE-STREAM')

        then:
        conditions.eventually {
            assert flagged('NEVER_ISSUED').size() == 1
        }
        def envelope = flagged('NEVER_ISSUED')[0]
        conditions.eventually {
            assert TestEvents.read(redis, json, TraceabilityEvents.STREAM, ScanFlagged.TYPE)
                    .findAll { it.aggregateId == envelope.aggregateId }*.id == [envelope.id]
        }
    }

    def "two instances raising the same signal at once announce it once: the instance whose insert commits first"() {
        given: 'one instance has raised the signal and not committed yet'
        String code = '/01/08931234567897/10/NOPE-RACE'
        def raised = new CountDownLatch(1)
        def commit = new CountDownLatch(1)
        List<Throwable> failures = [].asSynchronized()
        def first = Thread.start {
            try {
                tx.executeWrite {
                    writer.write([neverIssued(code)])
                    raised.countDown()
                    assert commit.await(30, TimeUnit.SECONDS)
                }
            } catch (Throwable t) {
                failures << t
                raised.countDown()
            }
        }
        assert raised.await(30, TimeUnit.SECONDS)

        when: "the other writes a scan of the same code: its upsert waits on the first one's row"
        def second = Thread.start {
            try {
                writer.write([neverIssued(code)])
            } catch (Throwable t) {
                failures << t
            }
        }
        conditions.eventually {
            assert Infra.count(tx, "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE db = DATABASE()"
                    + " AND info LIKE 'INSERT INTO scan_signals%'") == 1
        }
        commit.countDown()
        first.join(30_000)
        second.join(30_000)

        then: 'one signal counting both scans, announced once, by the first'
        failures.isEmpty()
        signals('NEVER_ISSUED')*.scan_count == [2]
        flagged('NEVER_ISSUED')*.aggregateId == signals('NEVER_ISSUED')*.id
    }

    def "officers list the flagged codes of their province, sellers their own lots', admins all, newest first, by kind"() {
        given: 'a copied ST25 serial (province 92), an over-scanned honey label (province 66), a code never issued'
        scan("/01/08931234567897/10/ST25-1/21/${serials[0]}?$CAN_THO")
        scan("/01/08931234567897/10/ST25-1/21/${serials[0]}?$HA_NOI")
        conditions.eventually { assert signals('FAR_APART').size() == 1 }
        scan('/t/MAT-1/FAKE0001')
        conditions.eventually { assert signals('NEVER_ISSUED').size() == 1 }
        scan('/01/08931234567897/10/NOPE-1')
        conditions.eventually { assert signals('NEVER_ISSUED').size() == 2 }

        expect:
        list(token(Ids(), ['ADMIN'])).items*.code == ['/01/08931234567897/10/NOPE-1', '/t/MAT-1/FAKE0001', "ST25-1|${serials[0]}".toString()]
        list(token(Ids(), ['OFFICER'], '92')).items*.code == ["ST25-1|${serials[0]}".toString()]
        list(token(Ids(), ['OFFICER'], '66')).items*.code == ['/t/MAT-1/FAKE0001']
        list(token(Ids(), ['OFFICER'], '01')).items == []
        list(token(SELLER, ['SELLER'])).items*.code == ["ST25-1|${serials[0]}".toString()]
        list(token(OTHER_SELLER, ['SELLER'])).items*.code == ['/t/MAT-1/FAKE0001']
        list(token(Ids(), ['ADMIN']), '?kind=NEVER_ISSUED').items*.code == ['/01/08931234567897/10/NOPE-1', '/t/MAT-1/FAKE0001']

        and: 'a far-apart signal shows both places'
        def far = list(token(SELLER, ['SELLER'])).items[0]
        far.kind == 'FAR_APART'
        far.lotCode == 'ST25-1'
        far.serial == serials[0]
        far.provinceCode == '92'
        far.scans == 2
        far.places*.subMap('latitude', 'longitude') == [[latitude: 10.03, longitude: 105.78], [latitude: 21.03, longitude: 105.83]]

        and: 'pages follow the cursor'
        def first = list(token(Ids(), ['ADMIN']), '?limit=2')
        first.items.size() == 2
        def second = list(token(Ids(), ['ADMIN']), "?limit=2&cursor=${first.next}")
        second.items*.code == ["ST25-1|${serials[0]}".toString()]
        second.next == null
    }

    def "a bad request to the signals list is a problem: #why"() {
        when:
        def response = exchange(client, HttpRequest.GET("/api/v1/signals$query").bearerAuth(bearer))

        then:
        response.status().code == status
        response.contentType.get().toString() == 'application/problem+json'
        response.body().code == code

        where:
        why                          | query                | bearer                                  || status | code
        'an unknown kind'            | '?kind=COPIED'       | token(UUID.randomUUID(), ['ADMIN'])     || 400    | 'invalid_request'
        'a limit too large'          | '?limit=201'         | token(UUID.randomUUID(), ['ADMIN'])     || 400    | 'invalid_request'
        'a cursor not of this list'  | '?cursor=abc'        | token(UUID.randomUUID(), ['ADMIN'])     || 400    | 'invalid_request'
        'an officer of no province'  | ''                   | token(UUID.randomUUID(), ['OFFICER'])   || 403    | 'officer_without_province'
        'a buyer'                    | ''                   | token(UUID.randomUUID(), ['BUYER'])     || 403    | 'forbidden'
    }

    def "no login, no signals"() {
        expect:
        exchange(client, HttpRequest.GET('/api/v1/signals')).status().code == 401
    }

    private static String Ids() {
        UUID.randomUUID()
    }

    private static String token(String account, List<String> roles, String province = null) {
        ServiceSpec.token(UUID.fromString(account), roles, province)
    }

    private Map post(UUID seller, String path, Map body) {
        client.toBlocking().exchange(HttpRequest.POST(path, body).bearerAuth(ServiceSpec.token(seller, ['SELLER'])), Map).body()
    }

    private HttpResponse<String> scan(String path, String accept = 'application/json', String agent = 'OCOP-Spec') {
        try {
            client.toBlocking().exchange(HttpRequest.GET(path).accept(accept).header('User-Agent', agent), String)
        } catch (HttpClientResponseException e) {
            e.response as HttpResponse<String>
        }
    }

    private static Scan neverIssued(String code) {
        new Scan(Instant.now(), code, Scan.Outcome.UNKNOWN_LOT, null, null, null, null, null, 'json', null, null, 'OCOP-Spec')
    }

    private List<Map> flaggedEvents() {
        outboxed(tx, json, ScanFlagged.TYPE, ScanFlagged)
    }

    private List<Map> flagged(String kind) {
        flaggedEvents().findAll { it.event.kind() == kind }
    }

    private List<Map> signals(String kind) {
        Infra.rows(tx, 'SELECT * FROM scan_signals WHERE kind = ? ORDER BY id', [kind])
    }

    private Map list(String bearer, String query = '') {
        def response = exchange(client, HttpRequest.GET("/api/v1/signals$query").bearerAuth(bearer))
        assert response.status().code == 200
        response.body()
    }
}
