package vn.ocop.traceability.lot

import io.lettuce.core.api.StatefulRedisConnection
import io.micronaut.context.annotation.Property
import io.micronaut.http.HttpRequest
import io.micronaut.http.HttpResponse
import io.micronaut.http.MutableHttpRequest
import io.micronaut.http.client.HttpClient
import io.micronaut.http.client.annotation.Client
import io.micronaut.json.JsonMapper
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import io.micronaut.transaction.TransactionOperations
import jakarta.inject.Inject
import java.sql.Connection
import java.time.Instant
import spock.util.concurrent.PollingConditions
import vn.ocop.platform.Infra
import vn.ocop.platform.TestEvents
import vn.ocop.platform.event.Ids
import vn.ocop.traceability.ServiceSpec
import vn.ocop.traceability.SpecClock
import vn.ocop.traceability.api.LotRegistered
import vn.ocop.traceability.api.TraceabilityEvents
import vn.ocop.traceability.product.Product
import vn.ocop.traceability.product.ProductRepository

/** Sellers register lots of their own published products; each registration is announced with LotRegistered. */
@MicronautTest(transactional = false)
@Property(name = 'spec.name', value = 'LotRegistrationSpec')
@Property(name = 'ocop.test.clock-start', value = SpecClock.NOON)
class LotRegistrationSpec extends ServiceSpec {

    static final UUID SELLER = UUID.fromString('0193a3b0-1c2d-7e3f-8a4b-5c6d7e8f9a0b')
    static final UUID OTHER_SELLER = UUID.fromString('0193a3b0-1c2d-7e3f-8a4b-5c6d7e8f9a0c')
    static final UUID RICE = UUID.fromString('0193a3b0-0000-7000-8000-000000000001')
    static final UUID HONEY = UUID.fromString('0193a3b0-0000-7000-8000-000000000002')
    /** The day after the service's today (see SpecClock), however close to midnight the spec runs. */
    static final String VN_TOMORROW = '2026-11-21'

    @Inject @Client('/') HttpClient client
    @Inject ProductRepository products
    @Inject TransactionOperations<Connection> tx
    @Inject StatefulRedisConnection<String, String> redis
    @Inject JsonMapper json
    def conditions = new PollingConditions(timeout: 10)

    def setup() {
        clean(tx)
        products.save(new Product(RICE, 3, SELLER, 'HTX Mỹ Xuyên', 'Gạo ST25', '8931234567897', Instant.parse('2026-11-01T00:00:00Z')))
        products.save(new Product(HONEY, 1, OTHER_SELLER, 'Ong mật Đắk Lắk', 'Mật ong', null, Instant.parse('2026-11-01T00:00:00Z')))
    }

    def "a seller registers a lot of their product, and LotRegistered is published"() {
        when:
        def response = post([productId: RICE, code: 'ST25-2611/A', quantity: 1200.5, unit: 'kg', harvestDate: '2026-11-02'])

        then:
        response.status().code == 201
        def lot = response.body()
        lot.code == 'ST25-2611/A'
        lot.productId == RICE.toString()
        lot.sellerId == SELLER.toString()
        lot.quantity == 1200.5
        lot.unit == 'kg'
        lot.harvestDate == '2026-11-02'
        lot.remainingQuantity == 1200.5
        lot.status == 'ACTIVE'
        lot.growingAreaId == null
        response.header('Location') == '/api/v1/lots/ST25-2611%2FA'
        lot.links == [self    : "${baseUrl()}/api/v1/lots/ST25-2611%2FA".toString(),
                      qr      : "${baseUrl()}/api/v1/lots/ST25-2611%2FA/qr.png".toString(),
                      resolver: "${baseUrl()}/01/08931234567897/10/ST25-2611%2FA".toString()]

        and: 'the seller reads it back'
        get('/api/v1/lots/ST25-2611%2FA', token(SELLER, ['SELLER'])).body() == lot

        and: 'the event is in the outbox, written with the lot'
        Infra.rows(tx, 'SELECT event_type FROM outbox WHERE aggregate_id = ?', [lot.id]) == [[event_type: 'LotRegistered']]

        and: 'then on the traceability stream'
        conditions.eventually {
            assert published(lot.id as String)?.data == [lotId     : lot.id, lotCode: 'ST25-2611/A', productId: RICE.toString(),
                                                         sellerId  : SELLER.toString(), quantity: 1200.5, unit: 'kg',
                                                         harvestDate: '2026-11-02', registeredAt: lot.registeredAt]
        }
        with(json.readValue(json.writeValueAsString(published(lot.id as String).data), LotRegistered)) {
            lotId() == UUID.fromString(lot.id as String)
            quantity() == 1200.5
        }
    }

    def "a lot harvested from the seller's growing area is linked to it"() {
        given:
        def area = insertArea(tx, SELLER, 'VN-92-MX-0017')

        when:
        def response = post(lot(code: 'ST25-MX-1', growingAreaId: area))

        then:
        response.status().code == 201
        response.body().growingAreaId == area.toString()
        get('/api/v1/lots/ST25-MX-1', token(SELLER, ['SELLER'])).body().growingAreaId == area.toString()
        Infra.rows(tx, 'SELECT growing_area_id FROM lots')*.growing_area_id == [area.toString()]
    }

    def "a lot from #situation is refused with #status #problem, and nothing is stored"() {
        given:
        def area = insertArea(tx, owner, 'VN-92-MX-0017', areaStatus)

        when:
        def response = post(lot(growingAreaId: known ? area : UUID.randomUUID()))

        then:
        response.status().code == status
        response.body().code == problem
        Infra.count(tx, 'SELECT COUNT(*) FROM lots') == 0
        Infra.count(tx, 'SELECT COUNT(*) FROM outbox') == 0

        where:
        situation                       | owner        | areaStatus   | known || status | problem
        "another seller's growing area" | OTHER_SELLER | 'VERIFIED'   | true  || 403    | 'growing_area_not_yours'
        'a growing area never declared' | SELLER       | 'VERIFIED'   | false || 422    | 'growing_area_unknown'
        'a rejected growing area'       | SELLER       | 'REJECTED'   | true  || 422    | 'growing_area_rejected'
    }

    def "a lot registered without a code gets a short generated one"() {
        when:
        def response = post([productId: HONEY, quantity: 40, unit: 'chai'], token(OTHER_SELLER, ['SELLER']))

        then:
        response.status().code == 201
        response.body().code ==~ /L261120[0-9A-HJKMNP-TV-Z]{4}/
        response.body().harvestDate == null
        response.body().links.resolver == "${baseUrl()}/t/${response.body().code}".toString()
    }

    def "#situation is refused with #status #problem"() {
        when:
        def response = post(body, role ? token(SELLER, [role]) : null)

        then:
        response.status().code == status
        response.contentType.get().toString() == 'application/problem+json'
        response.body().code == problem
        response.body().errors*.field == fields
        Infra.count(tx, 'SELECT COUNT(*) FROM lots') == 0
        Infra.count(tx, 'SELECT COUNT(*) FROM outbox') == 0

        where:
        situation                      | body                          | role     || status | problem             | fields
        'an unknown product'           | lot(productId: Ids.newId())   | 'SELLER' || 422    | 'product_unknown'   | null
        "another seller's product"     | lot(productId: HONEY)         | 'SELLER' || 403    | 'product_not_yours' | null
        'a quantity of 0'              | lot(quantity: 0)              | 'SELLER' || 400    | 'invalid_request'   | ['quantity']
        'a negative quantity'          | lot(quantity: -1)             | 'SELLER' || 400    | 'invalid_request'   | ['quantity']
        'a quantity with 4 decimals'   | lot(quantity: 1.2345)         | 'SELLER' || 400    | 'invalid_request'   | ['quantity']
        'a code with a space'          | lot(code: 'LO 1')             | 'SELLER' || 400    | 'invalid_request'   | ['code']
        'a code with Vietnamese'       | lot(code: 'Lô1')              | 'SELLER' || 400    | 'invalid_request'   | ['code']
        'a code of 21 characters'      | lot(code: 'A' * 21)           | 'SELLER' || 400    | 'invalid_request'   | ['code']
        'an empty unit'                | lot(unit: '')                 | 'SELLER' || 400    | 'invalid_request'   | ['unit']
        'a unit of 17 characters'      | lot(unit: 'u' * 17)           | 'SELLER' || 400    | 'invalid_request'   | ['unit']
        'a harvest date in the future' | lot(harvestDate: VN_TOMORROW) | 'SELLER' || 400    | 'invalid_request'   | ['harvestDate']
        'no product'                   | lot(productId: null)          | 'SELLER' || 400    | 'invalid_request'   | ['productId']
        'no token'                     | lot()                         | null     || 401    | 'unauthorized'      | null
        'a buyer'                      | lot()                         | 'BUYER'  || 403    | 'forbidden'         | null
    }

    def "a code already used is refused with 409, whatever the product"() {
        given:
        assert post(lot(code: 'ST25-A1')).status().code == 201

        when:
        def again = post(lot(code: 'ST25-A1', quantity: 5))
        def otherProduct = post([productId: HONEY, code: 'ST25-A1', quantity: 3, unit: 'chai'], token(OTHER_SELLER, ['SELLER']))

        then:
        [again, otherProduct]*.status()*.code == [409, 409]
        again.body().code == 'lot_code_taken'
        Infra.count(tx, 'SELECT COUNT(*) FROM lots') == 1
    }

    def "lot codes are case-sensitive, as GS1 lot numbers are"() {
        expect:
        post(lot(code: 'abc-1')).status().code == 201
        post(lot(code: 'ABC-1')).status().code == 201
    }

    def "the problem detail is in the caller's language"() {
        when:
        def vi = post(lot(productId: HONEY))
        def en = post(lot(productId: HONEY), token(SELLER, ['SELLER']), 'en')

        then:
        vi.body().detail == "Sản phẩm $HONEY thuộc về người bán khác.".toString()
        en.body().detail == "Product $HONEY belongs to another seller.".toString()
    }

    def "a lot can be read by #reader: #status"() {
        given:
        assert post(lot(code: 'READ-1')).status().code == 201

        expect:
        get('/api/v1/lots/READ-1', bearer).status().code == status

        where:
        reader            | bearer                              || status
        'its seller'      | token(SELLER, ['SELLER'])           || 200
        'an officer'      | token(Ids.newId(), ['OFFICER'])     || 200
        'an admin'        | token(Ids.newId(), ['ADMIN'])       || 200
        'another seller'  | token(OTHER_SELLER, ['SELLER'])     || 403
        'a buyer'         | token(SELLER, ['BUYER'])            || 403
        'nobody signed in'| null                                || 401
    }

    def "an unknown lot is not found"() {
        expect:
        get('/api/v1/lots/NOPE-1', token(SELLER, ['SELLER'])).with { it.status().code == 404 && it.body().code == 'lot_not_found' }
    }

    private static Map lot(Map overrides = [:]) {
        [productId: RICE, quantity: 12.5, unit: 'kg'] + overrides
    }

    private HttpResponse<Map> post(Map body, String bearer = token(SELLER, ['SELLER']), String language = null) {
        MutableHttpRequest request = HttpRequest.POST('/api/v1/lots', body)
        if (bearer) {
            request.bearerAuth(bearer)
        }
        if (language) {
            request.header('Accept-Language', language)
        }
        exchange(request)
    }

    private HttpResponse<Map> get(String path, String bearer) {
        MutableHttpRequest request = HttpRequest.GET(path)
        if (bearer) {
            request.bearerAuth(bearer)
        }
        exchange(request)
    }

    private HttpResponse<Map> exchange(MutableHttpRequest request) {
        exchange(client, request)
    }

    /** The envelope of the LotRegistered event of a lot on the traceability stream, as a map. */
    private Map published(String lotId) {
        TestEvents.read(redis, json, TraceabilityEvents.STREAM, LotRegistered.TYPE).find { it.aggregateId == lotId }
    }
}
