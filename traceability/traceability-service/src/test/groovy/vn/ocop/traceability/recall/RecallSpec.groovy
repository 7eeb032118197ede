package vn.ocop.traceability.recall

import com.fasterxml.jackson.databind.ObjectMapper
import io.lettuce.core.api.StatefulRedisConnection
import io.micronaut.context.annotation.Property
import io.micronaut.http.HttpRequest
import io.micronaut.http.HttpResponse
import io.micronaut.http.client.HttpClient
import io.micronaut.http.client.annotation.Client
import io.micronaut.http.client.exceptions.HttpClientResponseException
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
import vn.ocop.traceability.ServiceSpec
import vn.ocop.traceability.SpecClock
import vn.ocop.traceability.api.LotRecalled
import vn.ocop.traceability.api.TraceabilityEvents
import vn.ocop.traceability.product.Product
import vn.ocop.traceability.product.ProductRepository
import vn.ocop.traceability.resolver.LotViews

/**
 * A lot's seller, an officer of its province or an admin recalls it: it turns RECALLED (nothing more is packed or
 * transformed from it), an EPCIS event records it on its chain, the lots made from it are recalled with it, its page
 * shows the recall at once, and the orders that shipped it are listed. Each lot recalled is announced with one
 * LotRecalled. A second recall, or anyone else's, changes nothing and announces nothing.
 */
@MicronautTest(transactional = false)
@Property(name = 'spec.name', value = 'RecallSpec')
@Property(name = 'ocop.test.clock-start', value = SpecClock.NOON)
class RecallSpec extends ServiceSpec {

    static final UUID SELLER = UUID.fromString('0193a3b0-1c2d-7e3f-8a4b-5c6d7e8f9a0b')
    static final UUID OTHER_SELLER = UUID.fromString('0193a3b0-1c2d-7e3f-8a4b-5c6d7e8f9a0c')
    static final UUID RICE = UUID.fromString('0193a3b0-0000-7000-8000-000000000001')
    static final UUID PADDY = UUID.fromString('0193a3b0-0000-7000-8000-000000000004')
    static final UUID HONEY = UUID.fromString('0193a3b0-0000-7000-8000-000000000005')
    static final ObjectMapper JSON = new ObjectMapper()
    static final String REASON = 'Dư lượng thuốc bảo vệ thực vật vượt ngưỡng cho phép'

    @Inject @Client('/') HttpClient client
    @Inject ProductRepository products
    @Inject TransactionOperations<Connection> tx
    @Inject LotViews views
    @Inject StatefulRedisConnection<String, String> redis
    @Inject JsonMapper json

    PollingConditions conditions = new PollingConditions(timeout: 15, delay: 0.1)

    def setup() {
        clean(tx)
        ['lot_recalls', 'lot_shipments'].each { Infra.execute(tx, "DELETE FROM $it") }
        views.invalidateAll()
        def at = Instant.parse('2026-11-01T00:00:00Z')
        products.save(new Product(RICE, 1, SELLER, 'HTX Mỹ Xuyên', 'Gạo ST25', '8931234567897', at, '92', null, null, null, false))
        products.save(new Product(PADDY, 1, SELLER, 'HTX Mỹ Xuyên', 'Lúa ST25 tươi', null, at, '92', null, null, null, false))
        post('/api/v1/lots', [productId: RICE, code: 'ST25-1', quantity: 100, unit: 'kg'], seller())
    }

    def "the seller recalls a lot: RECALLED, recorded on its chain, and its page shows the recall at once"() {
        given: 'the page was seen (and its view cached) before'
        json(get('/t/ST25-1', 'application/json')).recall == null

        when:
        def response = post('/api/v1/lots/ST25-1/recall', [reason: "  $REASON  ".toString()], seller())

        then:
        response.status().code == 201
        response.header('Location') == '/api/v1/lots/ST25-1/recall'
        def recall = json(response)
        recall.subMap('lotCode', 'reason', 'recalledAs', 'downstream', 'shipments') ==
                [lotCode: 'ST25-1', reason: REASON, recalledAs: 'SELLER', downstream: [], shipments: []]
        recall.eventId.startsWith('urn:uuid:')

        and: 'the lot is RECALLED'
        get('/api/v1/lots/ST25-1', 'application/json', seller()).body().contains('"status":"RECALLED"')

        and: 'its chain records the recall (holding, recalled) and stays intact'
        def events = json(get('/api/v1/lots/ST25-1/epcis', 'application/json', seller())).epcisBody.eventList
        def recalled = events.find { it.disposition == 'recalled' }
        recalled.subMap('type', 'action', 'bizStep', 'eventID') ==
                [type: 'ObjectEvent', action: 'OBSERVE', bizStep: 'holding', eventID: recall.eventId]
        recalled['ocop:recallReason'] == REASON
        json(get('/api/v1/lots/ST25-1/epcis/verify', 'application/json', seller())).intact

        and: 'the page shows the recall banner with reason and date, the JSON and the link set say so'
        def page = get('/t/ST25-1', 'text/html').body()
        page.contains('SẢN PHẨM ĐÃ BỊ THU HỒI')
        page.contains(REASON)
        page.contains('20/11/2026')
        page.contains('Đã thu hồi')
        def resolved = json(get('/t/ST25-1', 'application/json'))
        resolved.recall.reason == REASON
        resolved.lot.status == 'RECALLED'
        resolved.timeline*.kind.contains('RECALL')
        json(get('/t/ST25-1', 'application/linkset+json')).linkset[0].containsKey('https://gs1.org/voc/recallStatus')
        get('/t/ST25-1?lang=en', 'text/html').body().contains('THIS PRODUCT WAS RECALLED')
    }

    def "#who may recall a lot of province 92"() {
        when:
        def response = post('/api/v1/lots/ST25-1/recall', [reason: REASON], bearer)

        then:
        response.status().code == 201
        json(response).recalledAs == as

        where:
        who                    | bearer                                           || as
        'an officer of 92'     | token(Ids.newId(), ['OFFICER'], '92')            || 'OFFICER'
        'an admin'             | token(Ids.newId(), ['ADMIN'])                    || 'ADMIN'
    }

    def "a recall refused changes nothing: #why"() {
        when:
        def response = post(path, body, bearer)

        then:
        response.status().code == status
        response.contentType.get().toString() == 'application/problem+json'
        json(response).code == code
        Infra.count(tx, 'SELECT COUNT(*) FROM lot_recalls') == 0
        Infra.count(tx, "SELECT COUNT(*) FROM lots WHERE status = 'RECALLED'") == 0
        recalledEvents().isEmpty()

        where:
        why                          | path                              | body                        | bearer                                || status | code
        'an officer of another province' | '/api/v1/lots/ST25-1/recall'  | [reason: REASON]            | token(Ids.newId(), ['OFFICER'], '01') || 403    | 'recall_not_allowed'
        'another seller'             | '/api/v1/lots/ST25-1/recall'      | [reason: REASON]            | token(OTHER_SELLER, ['SELLER'])       || 403    | 'recall_not_allowed'
        'a buyer'                    | '/api/v1/lots/ST25-1/recall'      | [reason: REASON]            | token(Ids.newId(), ['BUYER'])         || 403    | 'forbidden'
        'no login'                   | '/api/v1/lots/ST25-1/recall'      | [reason: REASON]            | null                                  || 401    | 'unauthorized'
        'an unknown lot'             | '/api/v1/lots/NOPE-1/recall'      | [reason: REASON]            | token(SELLER, ['SELLER'])             || 404    | 'lot_not_found'
        'no reason'                  | '/api/v1/lots/ST25-1/recall'      | [:]                         | token(SELLER, ['SELLER'])             || 400    | 'invalid_request'
        'a blank reason'             | '/api/v1/lots/ST25-1/recall'      | [reason: '   ']             | token(SELLER, ['SELLER'])             || 400    | 'invalid_request'
        'a reason too long'          | '/api/v1/lots/ST25-1/recall'      | [reason: 'x' * 1001]        | token(SELLER, ['SELLER'])             || 400    | 'invalid_request'
    }

    def "a second recall is a 409 naming the first, and changes nothing"() {
        given:
        post('/api/v1/lots/ST25-1/recall', [reason: REASON], seller())
        def before = Infra.rows(tx, 'SELECT * FROM lot_recalls')
        def chain = Infra.count(tx, "SELECT length FROM epcis_lot_chains c JOIN lots l ON l.id = c.lot_id WHERE l.code = 'ST25-1'")

        when:
        def response = post('/api/v1/lots/ST25-1/recall', [reason: 'Lý do khác'], token(Ids.newId(), ['ADMIN']))

        then:
        response.status().code == 409
        def problem = json(response)
        problem.code == 'lot_already_recalled'
        problem.detail.contains(REASON)
        Infra.rows(tx, 'SELECT * FROM lot_recalls') == before
        Infra.count(tx, "SELECT length FROM epcis_lot_chains c JOIN lots l ON l.id = c.lot_id WHERE l.code = 'ST25-1'") == chain

        and: 'the first recall alone was announced'
        recalledEvents()*.event*.reason == [REASON]
    }

    def "a recall is announced with one LotRecalled in its transaction, which the relay appends to the traceability stream"() {
        when:
        def recall = json(post('/api/v1/lots/ST25-1/recall', [reason: REASON], seller()))

        then: 'one event, in the outbox with the recall'
        def events = recalledEvents()
        events.size() == 1
        events[0].aggregateId == lotId('ST25-1').toString()
        events[0].version == LotRecalled.VERSION
        events[0].event == new LotRecalled(lotId('ST25-1'), 'ST25-1', RICE, SELLER, '92', REASON, null,
                Instant.parse(recall.recalledAt as String))

        and: 'then on the stream, once'
        conditions.eventually {
            assert TestEvents.read(redis, json, TraceabilityEvents.STREAM, LotRecalled.TYPE)
                    .findAll { it.aggregateId == events[0].aggregateId }*.id == [events[0].id]
        }
    }

    def "the province LotRecalled names is #which: #expected"() {
        given:
        def at = Instant.parse('2026-11-01T00:00:00Z')
        products.save(new Product(HONEY, 1, SELLER, 'HTX Mỹ Xuyên', 'Mật ong tràm', null, at, sellerProvince, null, null, null, false))
        def area = fromArea ? insertArea(tx, SELLER, 'VN-92-MX-0042') : null
        assert post('/api/v1/lots', [productId: HONEY, code: 'MAT-1', quantity: 50, unit: 'kg', growingAreaId: area], seller()).status().code == 201

        when:
        def response = post('/api/v1/lots/MAT-1/recall', [reason: REASON], token(Ids.newId(), ['ADMIN']))

        then:
        response.status().code == 201
        recalledEvents()*.event*.provinceCode == [expected]

        where:
        which                                                          | sellerProvince | fromArea || expected
        "the seller's, from the product copy"                          | '94'           | false    || '94'
        "the seller's, even when the growing area is another province's" | '94'         | true     || '94'
        "the growing area's, when the copy predates the seller's"      | null           | true     || '92'
        'unknown, when traceability knows neither'                     | null           | false    || null
    }

    def "a cascade recall announces every lot it recalls, once each: the lot recalled, then the lots made from it, naming it"() {
        given: 'paddy milled into rice, the rice repacked; another rice lot recalled on its own before'
        post('/api/v1/lots', [productId: PADDY, code: 'PADDY-1', quantity: 1000, unit: 'kg', harvestDate: '2026-11-02'], seller())
        post('/api/v1/transformations', [process: 'Xay xát', yield: 0.65, inputs: [[lotCode: 'PADDY-1', quantity: 600]],
                                         outputs: [[productId: RICE, code: 'ST25-R1', quantity: 200], [productId: RICE, code: 'ST25-R3', quantity: 190]]], seller())
        post('/api/v1/transformations', [process: 'Đóng gói lại', yield: 1, inputs: [[lotCode: 'ST25-R1', quantity: 100]],
                                         outputs: [[productId: RICE, code: 'ST25-R2', quantity: 100]]], seller())
        assert post('/api/v1/lots/ST25-R3/recall', [reason: 'Bao bì rách'], seller()).status().code == 201

        when:
        def response = post('/api/v1/lots/PADDY-1/recall', [reason: REASON], token(Ids.newId(), ['OFFICER'], '92'))

        then:
        response.status().code == 201
        def recalledAt = Instant.parse(json(response).recalledAt as String)
        def events = recalledEvents()
        events*.event*.lotCode.take(2) == ['ST25-R3', 'PADDY-1']
        events.drop(1)*.event.sort { it.lotCode() } == [
                new LotRecalled(lotId('PADDY-1'), 'PADDY-1', PADDY, SELLER, '92', REASON, null, recalledAt),
                new LotRecalled(lotId('ST25-R1'), 'ST25-R1', RICE, SELLER, '92', REASON, 'PADDY-1', recalledAt),
                new LotRecalled(lotId('ST25-R2'), 'ST25-R2', RICE, SELLER, '92', REASON, 'PADDY-1', recalledAt)]
        events*.aggregateId == events*.event*.lotId*.toString()

        and: 'the lot recalled before keeps its own recall and is not announced again'
        events[0].event.reason == 'Bao bì rách'
        events[0].event.causeLotCode == null
    }

    def "nothing more is packed, transformed or numbered from a recalled lot (409)"() {
        given: 'a packing made before the recall'
        def packing = json(post('/api/v1/lots/ST25-1/packings', [unitCount: 4, unitSize: 1, packaging: 'túi 1 kg'], seller()))
        post('/api/v1/lots/ST25-1/recall', [reason: REASON], seller())

        when:
        def packed = post('/api/v1/lots/ST25-1/packings', [unitCount: 1, unitSize: 1, packaging: 'túi 1 kg'], seller())
        def transformed = post('/api/v1/transformations', [process: 'Đóng gói lại', yield: 1, inputs: [[lotCode: 'ST25-1', quantity: 10]],
                                                          outputs: [[productId: RICE, code: 'ST25-2', quantity: 10]]], seller())
        def numbered = post("/api/v1/lots/ST25-1/packings/${packing.id}/serials", [count: 4], seller())

        then:
        [packed, transformed, numbered]*.status()*.code == [409, 409, 409]
        [packed, transformed, numbered].collect { json(it).code } == ['lot_recalled', 'lot_recalled', 'lot_recalled']
        Infra.count(tx, 'SELECT COUNT(*) FROM lot_serials') == 0
        Infra.count(tx, "SELECT COUNT(*) FROM lots WHERE code = 'ST25-2'") == 0
        Infra.count(tx, "SELECT remaining_quantity FROM lots WHERE code = 'ST25-1'") == 96
    }

    def "recalling a paddy lot recalls the rice milled from it, and lists the orders that shipped either"() {
        given: 'paddy milled into rice; orders shipped paddy and rice (one OrderShipped delivered twice)'
        post('/api/v1/lots', [productId: PADDY, code: 'PADDY-1', quantity: 1000, unit: 'kg', harvestDate: '2026-11-02'], seller())
        post('/api/v1/transformations', [process: 'Xay xát', yield: 0.65, inputs: [[lotCode: 'PADDY-1', quantity: 600]],
                                         outputs: [[productId: RICE, code: 'ST25-R1', quantity: 390]]], seller())
        def riceOrder = shipped('DH-2611-0042', ['ST25-R1': 3], Instant.parse('2026-11-20T02:00:00Z'))
        def paddyOrder = shipped('DH-2611-0043', ['PADDY-1': 2, 'ST25-1': 5], Instant.parse('2026-11-20T03:00:00Z'))
        2.times { TestEvents.append(redis, json, OrdersEvents.STREAM, TestEvents.envelope(json, OrderShipped.TYPE, riceOrder.orderId().toString(), riceOrder)) }
        TestEvents.append(redis, json, OrdersEvents.STREAM, TestEvents.envelope(json, OrderShipped.TYPE, paddyOrder.orderId().toString(), paddyOrder))
        conditions.eventually {
            assert Infra.count(tx, 'SELECT COUNT(*) FROM lot_shipments') == 3
        }

        when:
        def response = post('/api/v1/lots/PADDY-1/recall', [reason: REASON], token(Ids.newId(), ['OFFICER'], '92'))

        then: 'the rice is recalled with the paddy'
        response.status().code == 201
        def recall = json(response)
        recall.downstream == [[lotCode: 'ST25-R1', status: 'RECALLED']]
        Infra.rows(tx, "SELECT lot_code, cause_lot_code, recalled_as FROM lot_recalls ORDER BY lot_code") ==
                [[lot_code: 'PADDY-1', cause_lot_code: null, recalled_as: 'OFFICER'], [lot_code: 'ST25-R1', cause_lot_code: 'PADDY-1', recalled_as: 'OFFICER']]
        Infra.count(tx, "SELECT COUNT(*) FROM lots WHERE code = 'ST25-1' AND status = 'ACTIVE'") == 1

        and: 'the orders that shipped paddy or rice, in shipping order, with checkout and units (not the other lot)'
        recall.shipments.collect { it.subMap('orderId', 'orderNumber', 'checkoutId', 'lotCode', 'units', 'carrier', 'trackingNumber', 'shippedAt') } == [
                [orderId: riceOrder.orderId().toString(), orderNumber: 'DH-2611-0042', checkoutId: riceOrder.checkoutId().toString(),
                 lotCode: 'ST25-R1', units: 3, carrier: 'VNPost', trackingNumber: 'EB-DH-2611-0042', shippedAt: '2026-11-20T02:00:00Z'],
                [orderId: paddyOrder.orderId().toString(), orderNumber: 'DH-2611-0043', checkoutId: paddyOrder.checkoutId().toString(),
                 lotCode: 'PADDY-1', units: 2, carrier: 'VNPost', trackingNumber: 'EB-DH-2611-0043', shippedAt: '2026-11-20T03:00:00Z']]

        and: 'the same, read back by the seller; the rice lot\'s recall names its cause'
        def read = get('/api/v1/lots/PADDY-1/recall', 'application/json', seller())
        json(read).shipments.size() == 2
        def rice = json(get('/api/v1/lots/ST25-R1/recall', 'application/json', seller()))
        rice.causeLotCode == 'PADDY-1'
        rice.shipments*.orderNumber == ['DH-2611-0042']

        and: 'the rice page says why'
        get('/01/08931234567897/10/ST25-R1', 'text/html').body().contains('Thu hồi vì lô nguyên liệu PADDY-1 bị thu hồi.')
    }

    def "the recall of a lot not recalled is not found; others may not read it"() {
        expect:
        json(get('/api/v1/lots/ST25-1/recall', 'application/json', seller())).code == 'lot_not_recalled'
        json(get('/api/v1/lots/ST25-1/recall', 'application/json', token(OTHER_SELLER, ['SELLER']))).code == 'recall_not_allowed'
        json(get('/api/v1/lots/NOPE-1/recall', 'application/json', seller())).code == 'lot_not_found'
    }

    private List<Map> recalledEvents() {
        outboxed(tx, json, LotRecalled.TYPE, LotRecalled)
    }

    private UUID lotId(String code) {
        UUID.fromString(Infra.rows(tx, 'SELECT id FROM lots WHERE code = ?', [code])[0].id as String)
    }

    private OrderShipped shipped(String number, Map<String, Integer> units, Instant at) {
        new OrderShipped(Ids.newId(), number, Ids.newId(), SELLER, 'VNPost', "EB-$number".toString(), at,
                units.collect { code, count -> new OrderShipped.Line(Ids.newId(), RICE, count, code) })
    }

    private static String seller() {
        token(SELLER, ['SELLER'])
    }

    private HttpResponse<String> post(String path, Map body, String bearer) {
        def request = HttpRequest.POST(path, body).accept('application/json')
        if (bearer) {
            request.bearerAuth(bearer)
        }
        call(request)
    }

    private HttpResponse<String> get(String path, String accept, String bearer = null) {
        def request = HttpRequest.GET(path).accept(accept)
        if (bearer) {
            request.bearerAuth(bearer)
        }
        call(request)
    }

    private HttpResponse<String> call(request) {
        try {
            client.toBlocking().exchange(request, String)
        } catch (HttpClientResponseException e) {
            e.response as HttpResponse<String>
        }
    }

    private static Map json(HttpResponse<String> response) {
        JSON.readValue(response.body() ?: response.getBody(String).orElse('{}'), Map)
    }
}
