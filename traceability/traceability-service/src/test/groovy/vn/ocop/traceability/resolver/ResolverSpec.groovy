package vn.ocop.traceability.resolver

import io.micronaut.context.annotation.Property
import io.micronaut.http.HttpRequest
import io.micronaut.http.HttpResponse
import io.micronaut.http.client.HttpClient
import io.micronaut.http.client.annotation.Client
import io.micronaut.http.client.exceptions.HttpClientResponseException
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import io.micronaut.transaction.TransactionOperations
import jakarta.inject.Inject
import java.sql.Connection
import java.time.Instant
import vn.ocop.platform.Infra
import vn.ocop.traceability.ServiceSpec
import vn.ocop.traceability.product.Product
import vn.ocop.traceability.product.ProductRepository

/** The public resolver answers only for a lot's own GTIN (any length, padded) and refuses everything else with 404. */
@MicronautTest(transactional = false)
@Property(name = 'spec.name', value = 'ResolverSpec')
class ResolverSpec extends ServiceSpec {

    static final UUID SELLER = UUID.fromString('0193a3b0-1c2d-7e3f-8a4b-5c6d7e8f9a0b')
    static final UUID RICE = UUID.fromString('0193a3b0-0000-7000-8000-000000000001')
    static final UUID TEA = UUID.fromString('0193a3b0-0000-7000-8000-000000000003')
    static final UUID HONEY = UUID.fromString('0193a3b0-0000-7000-8000-000000000002')

    @Inject @Client('/') HttpClient client
    @Inject ProductRepository products
    @Inject TransactionOperations<Connection> tx

    def setup() {
        clean(tx)
        def at = Instant.parse('2026-11-01T00:00:00Z')
        products.save(new Product(RICE, 3, SELLER, 'HTX Mỹ Xuyên', 'Gạo ST25', '8931234567897', at))
        products.save(new Product(TEA, 1, SELLER, 'HTX Mỹ Xuyên', 'Trà Shan tuyết', '09506000134352', at))
        products.save(new Product(HONEY, 1, SELLER, 'HTX Mỹ Xuyên', 'Mật ong tràm', null, at))
        register(RICE, 'ST25-1')
        register(HONEY, 'MAT-1')
    }

    def "#path resolves to the lot of #product"() {
        when:
        def response = get(path)

        then:
        response.status().code == 200
        response.body().product.name == product
        response.body().lot.code == code
        response.body().links.self == "${baseUrl()}$self".toString()

        where:
        path                             || product        | code     | self
        '/01/08931234567897/10/ST25-1'   || 'Gạo ST25'     | 'ST25-1' | '/01/08931234567897/10/ST25-1'
        '/01/8931234567897/10/ST25-1'    || 'Gạo ST25'     | 'ST25-1' | '/01/08931234567897/10/ST25-1'
        '/t/ST25-1'                      || 'Gạo ST25'     | 'ST25-1' | '/01/08931234567897/10/ST25-1'
        '/t/MAT-1'                       || 'Mật ong tràm' | 'MAT-1'  | '/t/MAT-1'
    }

    def "#path is not found: #why"() {
        when:
        def response = get(path)

        then:
        response.status().code == 404
        response.contentType.get().toString() == 'application/problem+json'
        response.body().code == problem

        where:
        path                                | why                                        || problem
        '/01/08931234567896/10/ST25-1'      | 'wrong check digit'                        || 'gtin_invalid'
        '/01/0893123456789/10/ST25-1'       | 'GTIN of 13 digits with a bad check digit' || 'gtin_invalid'
        '/01/893123456789/10/ST25-1'        | 'twelve digits, wrong check digit'         || 'gtin_invalid'
        '/01/89312345678970/10/ST25-1'      | 'fourteen digits, another number'          || 'gtin_invalid'
        '/01/ABCDEFGHIJKLMN/10/ST25-1'      | 'not digits'                               || 'gtin_invalid'
        '/01/09506000134352/10/ST25-1'      | "the GTIN of another product"              || 'lot_not_found'
        '/01/08931234567897/10/MAT-1'       | 'a lot of a product without GTIN'          || 'lot_not_found'
        '/01/08931234567897/10/NOPE-1'      | 'unknown lot'                              || 'lot_not_found'
        '/01/08931234567897/10/st25-1'      | 'lot numbers are case-sensitive'           || 'lot_not_found'
        '/t/NOPE-1'                         | 'unknown lot'                              || 'lot_not_found'
    }

    def "the resolver needs no login, and a stale token does not stop it"() {
        expect:
        get('/t/MAT-1').status().code == 200
        get('/t/MAT-1', 'not-a-jwt').status().code == 200
    }

    private void register(UUID productId, String code) {
        client.toBlocking().exchange(HttpRequest.POST('/api/v1/lots', [productId: productId, code: code, quantity: 1, unit: 'kg'])
                .bearerAuth(token(SELLER, ['SELLER'])), Map)
    }

    private HttpResponse<Map> get(String path, String bearer = null) {
        def request = HttpRequest.GET(path)
        if (bearer) {
            request.bearerAuth(bearer)
        }
        try {
            client.toBlocking().exchange(request, Map)
        } catch (HttpClientResponseException e) {
            e.response as HttpResponse<Map>
        }
    }
}
