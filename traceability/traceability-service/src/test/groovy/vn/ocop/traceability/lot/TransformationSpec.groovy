package vn.ocop.traceability.lot

import io.micronaut.context.annotation.Property
import io.micronaut.http.HttpRequest
import io.micronaut.http.HttpResponse
import io.micronaut.http.MutableHttpRequest
import io.micronaut.http.client.HttpClient
import io.micronaut.http.client.annotation.Client
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import io.micronaut.transaction.TransactionOperations
import jakarta.inject.Inject
import java.sql.Connection
import java.time.Instant
import java.util.concurrent.CompletableFuture
import java.util.concurrent.CountDownLatch
import java.util.concurrent.Executors
import java.util.function.Supplier
import vn.ocop.platform.Infra
import vn.ocop.platform.event.Ids
import vn.ocop.traceability.ServiceSpec
import vn.ocop.traceability.SpecClock
import vn.ocop.traceability.product.Product
import vn.ocop.traceability.product.ProductRepository

/**
 * Sellers transform lots into new lots (paddy milled into rice) at a stated yield: the inputs are drawn down in the
 * same transaction, under row locks, never below zero; a refused transformation changes nothing.
 */
@MicronautTest(transactional = false)
@Property(name = 'spec.name', value = 'TransformationSpec')
@Property(name = 'ocop.test.clock-start', value = SpecClock.NOON)
class TransformationSpec extends ServiceSpec {

    static final UUID SELLER = UUID.fromString('0193a3b0-1c2d-7e3f-8a4b-5c6d7e8f9a0b')
    static final UUID OTHER_SELLER = UUID.fromString('0193a3b0-1c2d-7e3f-8a4b-5c6d7e8f9a0c')
    static final UUID PADDY = UUID.fromString('0193a3b0-0000-7000-8000-000000000011')
    static final UUID RICE = UUID.fromString('0193a3b0-0000-7000-8000-000000000012')
    static final UUID BROKEN_RICE = UUID.fromString('0193a3b0-0000-7000-8000-000000000013')
    static final UUID HONEY = UUID.fromString('0193a3b0-0000-7000-8000-000000000014')

    @Inject @Client('/') HttpClient client
    @Inject ProductRepository products
    @Inject TransactionOperations<Connection> tx

    UUID area

    def setup() {
        clean(tx)
        def at = Instant.parse('2026-11-01T00:00:00Z')
        products.save(new Product(PADDY, 1, SELLER, 'HTX Mỹ Xuyên', 'Lúa ST25 tươi', null, at))
        products.save(new Product(RICE, 1, SELLER, 'HTX Mỹ Xuyên', 'Gạo ST25', '8931234567897', at))
        products.save(new Product(BROKEN_RICE, 1, SELLER, 'HTX Mỹ Xuyên', 'Tấm ST25', null, at))
        products.save(new Product(HONEY, 1, OTHER_SELLER, 'Ong mật Đắk Lắk', 'Mật ong', null, at))
        area = insertArea(tx, SELLER, 'VN-92-MX-0017')
        register([productId: PADDY, code: 'PADDY-1', quantity: 1000, unit: 'kg', harvestDate: '2026-11-02', growingAreaId: area])
    }

    def "a paddy lot is milled into rice and broken rice at a stated yield, all of it"() {
        given:
        def outboxBefore = Infra.count(tx, 'SELECT COUNT(*) FROM outbox')

        when:
        def response = post('/api/v1/transformations', [process: 'Xay xát', yield: 0.65, occurredOn: '2026-11-10',
                inputs : [[lotCode: 'PADDY-1', quantity: 1000]],
                outputs: [[productId: RICE, code: 'ST25-R1', quantity: 600], [productId: BROKEN_RICE, quantity: 50]]])

        then: 'outputs may reach inputs x yield (650 kg) exactly'
        response.status().code == 201
        def made = response.body()
        response.header('Location') == "/api/v1/transformations/${made.id}".toString()
        made.subMap('process', 'yield', 'unit', 'occurredOn') == [process: 'Xay xát', yield: 0.65, unit: 'kg', occurredOn: '2026-11-10']
        made.inputs == [[lotCode: 'PADDY-1', quantity: 1000, remaining: 0, status: 'DEPLETED']]

        and: 'the outputs are new lots, in lot-code order (the broken rice got a generated code)'
        made.outputs*.code.last() == 'ST25-R1'
        made.outputs.first().code ==~ /L261120[0-9A-HJKMNP-TV-Z]{4}/
        made.outputs*.productId == [BROKEN_RICE, RICE]*.toString()
        made.outputs*.quantity == [50, 600]
        made.outputs*.remainingQuantity == [50, 600]
        made.outputs*.unit == ['kg', 'kg']
        made.outputs*.status == ['ACTIVE', 'ACTIVE']

        and: 'the outputs carry the paddy lot’s harvest date and growing area'
        made.outputs*.harvestDate == ['2026-11-02', '2026-11-02']
        made.outputs*.growingAreaId == [area.toString(), area.toString()]

        and: 'the paddy lot is used up'
        get('/api/v1/lots/PADDY-1').body().subMap('quantity', 'remainingQuantity', 'status') ==
                [quantity: 1000, remainingQuantity: 0, status: 'DEPLETED']

        and: 'each output lot is announced with LotRegistered, in the same transaction'
        Infra.count(tx, 'SELECT COUNT(*) FROM outbox') == outboxBefore + 2
        Infra.rows(tx, "SELECT aggregate_id FROM outbox WHERE event_type = 'LotRegistered'")*.aggregate_id
                .containsAll(made.outputs*.id)

        and: 'it reads back the same, by its seller and by an officer'
        get("/api/v1/transformations/${made.id}").body() == made
        get("/api/v1/transformations/${made.id}", token(Ids.newId(), ['OFFICER'], '92')).body() == made
    }

    def "the lot's EPCIS record follows it: commissioned from its growing area, milled, packed, its units numbered"() {
        when:
        def milled = post('/api/v1/transformations', [process: 'Xay xát', yield: 0.65, occurredOn: '2026-11-10',
                inputs : [[lotCode: 'PADDY-1', quantity: 1000]], outputs: [[productId: RICE, code: 'ST25-R2', quantity: 600]]])
        def packing = post('/api/v1/lots/ST25-R2/packings', [unitCount: 10, unitSize: 5, packaging: 'túi 5 kg'])
        def numbered = post("/api/v1/lots/ST25-R2/packings/${packing.body().id}/serials", [count: 2])

        then:
        [milled, packing, numbered]*.status()*.code == [201, 201, 201]

        and: 'the paddy: commissioned at its growing area, then milled (the day it happened, in Vietnam)'
        def paddy = epcis('PADDY-1').epcisBody.eventList
        paddy*.bizStep == ['commissioning', 'commissioning']
        paddy*.type == ['ObjectEvent', 'TransformationEvent']
        paddy[0].readPoint.id.endsWith('/id/place/area/VN-92-MX-0017')
        paddy[0].ilmd['ocop:growingAreaCode'] == 'VN-92-MX-0017'
        paddy[1].eventTime == '2026-11-10T00:00:00+07:00'
        paddy[1].inputQuantityList*.quantity == [1000.0]
        paddy[1].outputQuantityList*.quantity == [600.0]

        and: 'the rice: made by the milling (no commissioning of its own), packed, two units numbered'
        def rice = epcis('ST25-R2').epcisBody.eventList
        rice*.type == ['TransformationEvent', 'AggregationEvent', 'AggregationEvent']
        rice[1].childQuantityList*.quantity == [50.0]
        rice[2].childEPCs.size() == 2
        ['PADDY-1', 'ST25-R2'].every { get("/api/v1/lots/${it}/epcis/verify").body().intact == true }
    }

    def "lots drawn in part keep the rest; outputs of inputs from different harvests carry none"() {
        given:
        register([productId: PADDY, code: 'PADDY-2', quantity: 300, unit: 'kg', harvestDate: '2026-11-05'])

        when:
        def made = post('/api/v1/transformations', [process: 'Xay xát', yield: 0.6,
                inputs : [[lotCode: 'PADDY-1', quantity: 200.5], [lotCode: 'PADDY-2', quantity: 300]],
                outputs: [[productId: RICE, code: 'ST25-R2', quantity: 300.3]]]).body()

        then:
        made.occurredOn == '2026-11-20'
        made.inputs == [[lotCode: 'PADDY-1', quantity: 200.5, remaining: 799.5, status: 'ACTIVE'],
                        [lotCode: 'PADDY-2', quantity: 300, remaining: 0, status: 'DEPLETED']]
        made.outputs.first().harvestDate == null
        made.outputs.first().growingAreaId == null
        Infra.rows(tx, 'SELECT code, remaining_quantity, status FROM lots ORDER BY code')
                .collect { [it.code, it.remaining_quantity, it.status] } ==
                [['PADDY-1', 799.5, 'ACTIVE'], ['PADDY-2', 0, 'DEPLETED'], ['ST25-R2', 300.3, 'ACTIVE']]
    }

    def "a transformation #situation is refused with #status #problem, and nothing changes"() {
        given:
        register([productId: PADDY, code: 'PADDY-L', quantity: 40, unit: 'bao'])
        register([productId: HONEY, code: 'HONEY-1', quantity: 40, unit: 'kg'], token(OTHER_SELLER, ['SELLER']))
        def before = state()

        when:
        def response = post('/api/v1/transformations', milling() + overrides, bearer)

        then:
        response.status().code == status
        response.contentType.get().toString() == 'application/problem+json'
        response.body().code == problem
        response.body().errors*.field == fields
        state() == before

        where:
        situation                                  | overrides                                                                        | bearer                         || status | problem                         | fields
        'whose outputs exceed inputs x yield'      | [outputs: [[productId: RICE, quantity: 600], [productId: BROKEN_RICE, quantity: 50.001]]] | seller() || 422 | 'transformation_exceeds_yield' | null
        'drawing more than the lot has'            | [inputs: [[lotCode: 'PADDY-1', quantity: 1000.001]]]                              | seller()                       || 409    | 'lot_quantity_insufficient'     | null
        'drawing a negative quantity'              | [inputs: [[lotCode: 'PADDY-1', quantity: -100]]]                                  | seller()                       || 400    | 'invalid_request'               | ['inputs[0].quantity']
        'drawing nothing'                          | [inputs: [[lotCode: 'PADDY-1', quantity: 0]]]                                     | seller()                       || 400    | 'invalid_request'               | ['inputs[0].quantity']
        'making a negative quantity'               | [outputs: [[productId: RICE, quantity: -1]]]                                      | seller()                       || 400    | 'invalid_request'               | ['outputs[0].quantity']
        'with a yield of 0'                        | [yield: 0]                                                                        | seller()                       || 400    | 'invalid_request'               | ['yield']
        'with a yield above 1'                     | [yield: 1.2]                                                                      | seller()                       || 400    | 'invalid_request'               | ['yield']
        'with no inputs'                           | [inputs: []]                                                                      | seller()                       || 400    | 'invalid_request'               | ['inputs']
        'with no outputs'                          | [outputs: []]                                                                     | seller()                       || 400    | 'invalid_request'               | ['outputs']
        'naming a lot twice'                       | [inputs: [[lotCode: 'PADDY-1', quantity: 10], [lotCode: 'PADDY-1', quantity: 10]]] | seller()                      || 400    | 'invalid_request'               | ['inputs[1].lotCode']
        "drawing from another seller's lot"        | [inputs: [[lotCode: 'PADDY-1', quantity: 10], [lotCode: 'HONEY-1', quantity: 10]]] | seller()                      || 403    | 'lot_not_yours'                 | null
        'drawing from an unknown lot'              | [inputs: [[lotCode: 'NOPE-1', quantity: 10]]]                                     | seller()                       || 404    | 'lot_not_found'                 | null
        'mixing units'                             | [inputs: [[lotCode: 'PADDY-1', quantity: 10], [lotCode: 'PADDY-L', quantity: 1]]] | seller()                      || 422    | 'transformation_units_differ'   | ['inputs[1].lotCode']
        "making another seller's product"          | [outputs: [[productId: HONEY, quantity: 10]]]                                     | seller()                       || 403    | 'product_not_yours'             | null
        'making a lot under a code already used'   | [outputs: [[productId: RICE, code: 'PADDY-1', quantity: 10]]]                     | seller()                       || 409    | 'lot_code_taken'                | null
        'done tomorrow'                            | [occurredOn: '2026-11-21']                                                        | seller()                       || 400    | 'invalid_request'               | ['occurredOn']
        "by the other seller, on this seller's lot" | [outputs: [[productId: HONEY, quantity: 10]]]                                    | token(OTHER_SELLER, ['SELLER']) || 403   | 'lot_not_yours'                 | null
        'by a buyer'                               | [:]                                                                               | token(SELLER, ['BUYER'])       || 403    | 'forbidden'                     | null
    }

    def "a depleted lot cannot be drawn from again"() {
        given:
        assert post('/api/v1/transformations', milling(inputs: [[lotCode: 'PADDY-1', quantity: 1000]])).status().code == 201
        def before = state()

        when:
        def again = post('/api/v1/transformations', milling(inputs: [[lotCode: 'PADDY-1', quantity: 1]], outputs: [[productId: RICE, quantity: 0.5]]))

        then:
        again.status().code == 409
        again.body().code == 'lot_not_active'
        state() == before
    }

    def "two millings racing for one lot: the second waits for the first and finds too little left"() {
        given:
        def pool = Executors.newFixedThreadPool(2)
        def start = new CountDownLatch(1)
        def mill = { String code ->
            CompletableFuture.supplyAsync({ ->
                start.await()
                post('/api/v1/transformations', milling(inputs: [[lotCode: 'PADDY-1', quantity: 600]],
                        outputs: [[productId: RICE, code: code, quantity: 390]])).status().code
            } as Supplier<Integer>, pool)
        }

        when:
        def futures = [mill('RACE-A'), mill('RACE-B')]
        start.countDown()
        def statuses = futures*.get()

        then:
        statuses.sort() == [201, 409]
        Infra.rows(tx, "SELECT remaining_quantity FROM lots WHERE code = 'PADDY-1'")*.remaining_quantity == [400]
        Infra.count(tx, 'SELECT COUNT(*) FROM transformations') == 1
        Infra.count(tx, "SELECT COUNT(*) FROM lots WHERE code LIKE 'RACE-%'") == 1

        cleanup:
        pool?.shutdownNow()
    }

    def "a transformation is read by #reader: #status"() {
        given:
        def id = post('/api/v1/transformations', milling()).body().id

        expect:
        get("/api/v1/transformations/$id", bearer).status().code == status

        where:
        reader           | bearer                              || status
        'its seller'     | token(SELLER, ['SELLER'])           || 200
        'an admin'       | token(Ids.newId(), ['ADMIN'])       || 200
        'another seller' | token(OTHER_SELLER, ['SELLER'])     || 403
        'nobody'         | null                                || 401
    }

    def "an unknown transformation is not found"() {
        expect:
        get("/api/v1/transformations/${Ids.newId()}").with { it.status().code == 404 && it.body().code == 'transformation_not_found' }
    }

    private static String seller() {
        token(SELLER, ['SELLER'])
    }

    private static Map milling(Map overrides = [:]) {
        [process: 'Xay xát', yield: 0.65, inputs: [[lotCode: 'PADDY-1', quantity: 1000]],
         outputs: [[productId: RICE, quantity: 600], [productId: BROKEN_RICE, quantity: 50]]] + overrides
    }

    /** Everything a transformation writes. */
    private List state() {
        [Infra.rows(tx, 'SELECT code, quantity, remaining_quantity, status FROM lots ORDER BY code'),
         ['transformations', 'transformation_inputs', 'transformation_outputs', 'outbox'].collect {
             Infra.count(tx, "SELECT COUNT(*) FROM $it")
         }]
    }

    private void register(Map lot, String bearer = seller()) {
        assert post('/api/v1/lots', lot, bearer).status().code == 201
    }

    private HttpResponse<Map> post(String path, Map body, String bearer = seller()) {
        MutableHttpRequest request = HttpRequest.POST(path, body)
        if (bearer) {
            request.bearerAuth(bearer)
        }
        exchange(request)
    }

    private HttpResponse<Map> get(String path, String bearer = seller()) {
        MutableHttpRequest request = HttpRequest.GET(path)
        if (bearer) {
            request.bearerAuth(bearer)
        }
        exchange(request)
    }

    /** The lot's EPCIS document, as JSON. */
    private Map epcis(String lotCode) {
        exchange(HttpRequest.GET("/api/v1/lots/${lotCode}/epcis").accept('application/json').bearerAuth(seller())).body()
    }

    private HttpResponse<Map> exchange(MutableHttpRequest request) {
        exchange(client, request)
    }
}
