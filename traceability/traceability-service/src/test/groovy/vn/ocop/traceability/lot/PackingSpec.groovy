package vn.ocop.traceability.lot

import io.micronaut.context.annotation.Property
import io.micronaut.http.HttpRequest
import io.micronaut.http.HttpResponse
import io.micronaut.http.MutableHttpRequest
import io.micronaut.http.client.HttpClient
import io.micronaut.http.client.annotation.Client
import io.micronaut.http.client.exceptions.HttpClientResponseException
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
import vn.ocop.traceability.product.Product
import vn.ocop.traceability.product.ProductRepository

/** Sellers pack lots into units (drawn from the lot, never below zero) and generate serial numbers for unit labels. */
@MicronautTest(transactional = false)
@Property(name = 'spec.name', value = 'PackingSpec')
class PackingSpec extends ServiceSpec {

    static final UUID SELLER = UUID.fromString('0193a3b0-1c2d-7e3f-8a4b-5c6d7e8f9a0b')
    static final UUID OTHER_SELLER = UUID.fromString('0193a3b0-1c2d-7e3f-8a4b-5c6d7e8f9a0c')
    static final UUID RICE = UUID.fromString('0193a3b0-0000-7000-8000-000000000012')
    static final String LOT = '/api/v1/lots/ST25-2611%2FA'

    @Inject @Client('/') HttpClient client
    @Inject ProductRepository products
    @Inject TransactionOperations<Connection> tx

    def setup() {
        clean(tx)
        products.save(new Product(RICE, 1, SELLER, 'HTX Mỹ Xuyên', 'Gạo ST25', '8931234567897', Instant.parse('2026-11-01T00:00:00Z')))
        assert post('/api/v1/lots', [productId: RICE, code: 'ST25-2611/A', quantity: 1200.5, unit: 'kg']).status().code == 201
    }

    def "a seller packs part of a lot into 5 kg bags; the rest stays to pack"() {
        when:
        def response = post("$LOT/packings", [unitCount: 100, unitSize: 5, packaging: 'Túi 5 kg'])

        then:
        response.status().code == 201
        def packing = response.body()
        packing.subMap('lotCode', 'unitCount', 'unitSize', 'unit', 'packaging', 'total', 'serials', 'lotRemaining') ==
                [lotCode: 'ST25-2611/A', unitCount: 100, unitSize: 5, unit: 'kg', packaging: 'Túi 5 kg', total: 500,
                 serials: 0, lotRemaining: 700.5]
        get("$LOT/packings").body() == [packing]
        get(LOT).body().subMap('remainingQuantity', 'status') == [remainingQuantity: 700.5, status: 'ACTIVE']

        when: 'the rest, in 0.5 kg packs'
        def rest = post("$LOT/packings", [unitCount: 1401, unitSize: 0.5, packaging: 'Gói 500 g']).body()

        then: 'a fully packed lot stays active: its units carry its code'
        rest.lotRemaining == 0
        get(LOT).body().subMap('remainingQuantity', 'status') == [remainingQuantity: 0, status: 'ACTIVE']
        get("$LOT/packings").body()*.packaging == ['Túi 5 kg', 'Gói 500 g']
    }

    def "packing #situation is refused with #status #problem, and nothing changes"() {
        given:
        assert post('/api/v1/lots', [productId: RICE, code: 'OTHER-1', quantity: 10, unit: 'kg']).status().code == 201
        Infra.execute(tx, "UPDATE lots SET seller_id = ? WHERE code = 'OTHER-1'", [OTHER_SELLER.toString()])
        def before = state()

        when:
        def response = post("/api/v1/lots/$lot/packings", [unitCount: 100, unitSize: 5, packaging: 'Túi 5 kg'] + overrides)

        then:
        response.status().code == status
        response.contentType.get().toString() == 'application/problem+json'
        response.body().code == problem
        response.body().errors*.field == fields
        state() == before

        where:
        situation                     | lot             | overrides               || status | problem                     | fields
        'more than the lot has'       | 'ST25-2611%2FA' | [unitCount: 241]        || 409    | 'lot_quantity_insufficient' | null
        'into no units'               | 'ST25-2611%2FA' | [unitCount: 0]          || 400    | 'invalid_request'           | ['unitCount']
        'into a negative number'      | 'ST25-2611%2FA' | [unitCount: -5]         || 400    | 'invalid_request'           | ['unitCount']
        'into units of 0 kg'          | 'ST25-2611%2FA' | [unitSize: 0]           || 400    | 'invalid_request'           | ['unitSize']
        'into units of -5 kg'         | 'ST25-2611%2FA' | [unitSize: -5]          || 400    | 'invalid_request'           | ['unitSize']
        'without saying into what'    | 'ST25-2611%2FA' | [packaging: '']         || 400    | 'invalid_request'           | ['packaging']
        "of another seller's lot"     | 'OTHER-1'       | [unitCount: 1]          || 403    | 'lot_not_yours'             | null
        'of an unknown lot'           | 'NOPE-1'        | [:]                     || 404    | 'lot_not_found'             | null
    }

    def "two packings racing for the last 700 kg: one is packed, the other finds too little left"() {
        given:
        assert post("$LOT/packings", [unitCount: 100, unitSize: 5, packaging: 'Túi 5 kg']).status().code == 201
        def pool = Executors.newFixedThreadPool(2)
        def start = new CountDownLatch(1)
        def pack = { ->
            start.await()
            post("$LOT/packings", [unitCount: 80, unitSize: 5, packaging: 'Túi 5 kg']).status().code
        } as Supplier<Integer>

        when:
        def futures = (1..2).collect { CompletableFuture.supplyAsync(pack, pool) }
        start.countDown()

        then:
        futures*.get().sort() == [201, 409]
        Infra.rows(tx, 'SELECT remaining_quantity FROM lots')*.remaining_quantity == [300.5]
        Infra.count(tx, 'SELECT COUNT(*) FROM lot_packings') == 2

        cleanup:
        pool?.shutdownNow()
    }

    def "serial numbers are generated for a packing's units, unique, stored and listed in order"() {
        given:
        def packing = post("$LOT/packings", [unitCount: 20, unitSize: 5, packaging: 'Túi 5 kg']).body()

        when:
        def first = post("$LOT/packings/${packing.id}/serials", [count: 12])
        def second = post("$LOT/packings/${packing.id}/serials", [count: 8])

        then:
        first.status().code == 201
        first.body().lotCode == 'ST25-2611/A'
        first.body().serials*.ordinal == (1..12)
        second.body().serials*.ordinal == (13..20)
        def serials = first.body().serials*.serial + second.body().serials*.serial
        serials.every { it ==~ /[0-9A-HJKMNP-TV-Z]{12}/ }
        serials.toSet().size() == 20

        and: 'stored'
        Infra.rows(tx, 'SELECT serial FROM lot_serials ORDER BY ordinal')*.serial == serials
        get("$LOT/packings").body().first().serials == 20

        and: 'listed page by page'
        def page1 = get("$LOT/serials?limit=15").body()
        page1.items*.serial == serials.take(15)
        page1.items.every { it.packingId == packing.id }
        def page2 = get("$LOT/serials?limit=15&cursor=${page1.nextCursor}", token(Ids.newId(), ['OFFICER'], '92')).body()
        page2.items*.serial == serials.drop(15)
        page2.nextCursor == null
    }

    def "serial numbers #situation are refused with #status #problem, and none is stored"() {
        given:
        def packing = post("$LOT/packings", [unitCount: 10, unitSize: 5, packaging: 'Túi 5 kg']).body()
        def other = post("$LOT/packings", [unitCount: 1, unitSize: 5, packaging: 'Túi 5 kg']).body()
        assert post("$LOT/packings/${packing.id}/serials", [count: 4]).status().code == 201
        assert post('/api/v1/lots', [productId: RICE, code: 'OTHER-1', quantity: 10, unit: 'kg']).status().code == 201
        def path = [own: "$LOT/packings/${packing.id}/serials", unknown: "$LOT/packings/${Ids.newId()}/serials",
                    wrongLot: "/api/v1/lots/OTHER-1/packings/${other.id}/serials"][target]

        when:
        def response = post(path, [count: count], bearer)

        then:
        response.status().code == status
        response.body().code == problem
        Infra.count(tx, 'SELECT COUNT(*) FROM lot_serials') == 4

        where:
        situation                         | target     | count | bearer                          || status | problem
        'beyond the units not yet numbered' | 'own'    | 7     | token(SELLER, ['SELLER'])       || 409    | 'serials_exceed_units'
        'zero of them'                    | 'own'      | 0     | token(SELLER, ['SELLER'])       || 400    | 'invalid_request'
        'more than 5,000 at once'         | 'own'      | 5001  | token(SELLER, ['SELLER'])       || 400    | 'invalid_request'
        'for an unknown packing'          | 'unknown'  | 1     | token(SELLER, ['SELLER'])       || 404    | 'packing_not_found'
        "for another lot's packing"       | 'wrongLot' | 1     | token(SELLER, ['SELLER'])       || 404    | 'packing_not_found'
        "for another seller's lot"        | 'own'      | 1     | token(OTHER_SELLER, ['SELLER']) || 403    | 'lot_not_yours'
    }

    def "packings and serials of a lot are read by #reader: #status"() {
        expect:
        get("$LOT/packings", bearer).status().code == status
        get("$LOT/serials", bearer).status().code == status

        where:
        reader           | bearer                                  || status
        'its seller'     | token(SELLER, ['SELLER'])               || 200
        'an officer'     | token(Ids.newId(), ['OFFICER'], '92')   || 200
        'another seller' | token(OTHER_SELLER, ['SELLER'])         || 403
        'a buyer'        | token(SELLER, ['BUYER'])                || 403
    }

    /** Everything a packing writes. */
    private List state() {
        [Infra.rows(tx, 'SELECT code, remaining_quantity, status FROM lots ORDER BY code'),
         Infra.count(tx, 'SELECT COUNT(*) FROM lot_packings')]
    }

    private HttpResponse<Map> post(String path, Map body, String bearer = token(SELLER, ['SELLER'])) {
        MutableHttpRequest request = HttpRequest.POST(path, body)
        if (bearer) {
            request.bearerAuth(bearer)
        }
        exchange(request)
    }

    private HttpResponse<Object> get(String path, String bearer = token(SELLER, ['SELLER'])) {
        MutableHttpRequest request = HttpRequest.GET(path)
        if (bearer) {
            request.bearerAuth(bearer)
        }
        try {
            client.toBlocking().exchange(request, Object)
        } catch (HttpClientResponseException e) {
            e.response as HttpResponse<Object>
        }
    }

    private HttpResponse<Map> exchange(MutableHttpRequest request) {
        exchange(client, request)
    }
}
