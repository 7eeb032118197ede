package vn.ocop.catalog.product

import io.micronaut.http.HttpRequest
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import vn.ocop.catalog.CatalogSpecification
import vn.ocop.catalog.api.CatalogEvents
import vn.ocop.catalog.api.ProductPublished
import vn.ocop.platform.Infra
import vn.ocop.platform.TestEvents
import vn.ocop.platform.event.Ids
import vn.ocop.platform.security.TestIdentity

@MicronautTest(transactional = false)
class ProductSpec extends CatalogSpecification {

    def "a verified seller lists a product that anyone can read once published"() {
        given:
        UUID seller = verifiedSeller()

        when:
        def created = call(HttpRequest.POST('/api/v1/products', newProduct('Gạo ST25 Ông Cua', 40, [gtin: '8931234567897']))
                .bearerAuth(TestIdentity.seller(seller)))

        then: 'a draft, hidden from buyers'
        created.status().code == 201
        body(created).status == 'DRAFT'
        def id = body(created).id
        call(HttpRequest.GET("/api/v1/products/$id")).status().code == 404

        when:
        def published = call(HttpRequest.POST("/api/v1/products/$id/publish", '').bearerAuth(TestIdentity.seller(seller)))

        then:
        published.status().code == 200
        with(body(call(HttpRequest.GET("/api/v1/products/$id")))) {
            name == 'Gạo ST25 Ông Cua'
            status == 'PUBLISHED'
            gtin == '8931234567897'
            it.seller.displayName == 'Gạo Ông Cua'
            skus*.priceVnd == [220000]
            skus*.available == [40]
        }

        and: 'other services learn of it from the catalog stream'
        conditions.eventually {
            def event = TestEvents.read(redis, json, CatalogEvents.STREAM, ProductPublished.TYPE).find { it.aggregateId == id }
            assert event.data.revision == 1
            assert event.data.sellerId == seller.toString()
            assert event.data.skus*.code == ['ST25-5KG']
            assert event.data.ocopGroup == 'FOOD' // payments' commission rate goes by it
        }

        and: 'the opening stock is in the ledger'
        Infra.rows(tx, 'SELECT m.delta_available, m.reason FROM stock_movements m JOIN skus s ON s.id = m.sku_id WHERE s.product_id = ?',
                [id]) == [[delta_available: 40, reason: 'INITIAL_STOCK']]
    }

    def "buyers find '#name' by typing '#query'"() {
        given:
        UUID seller = verifiedSeller()
        def product = publishedProduct(seller, name)

        expect:
        body(call(HttpRequest.GET("/api/v1/products?q=${URLEncoder.encode(query, 'UTF-8')}&seller=$seller"))).items*.productId
                .contains(product.id)

        where:
        name                       | query
        'Gạo ST25 Ông Cua'         | 'gao st25'
        'Nước mắm Đại Đồng'        | 'nuoc mam dai dong'
        'Mật ong hoa nhãn'         | 'MẬT ONG'
    }

    def "a pending seller cannot list products"() {
        expect:
        def response = call(HttpRequest.POST('/api/v1/products', newProduct()).bearerAuth(TestIdentity.seller(registeredSeller())))
        response.status().code == 403
        body(response).code == 'seller_not_verified'
    }

    def "#problem is refused with 400 naming #field"() {
        given:
        UUID seller = verifiedSeller()
        int before = Infra.count(tx, 'SELECT COUNT(*) FROM products WHERE seller_id = ?', [seller.toString()])

        when:
        def response = call(HttpRequest.POST('/api/v1/products', request).bearerAuth(TestIdentity.seller(seller)))

        then:
        response.status().code == 400
        body(response).errors*.field == [field]
        Infra.count(tx, 'SELECT COUNT(*) FROM products WHERE seller_id = ?', [seller.toString()]) == before

        where:
        problem                 | request                                                                  || field
        'a wrong check digit'   | newProduct('Gạo', 5, [gtin: '8931234567890'])                            || 'gtin'
        'a zero price'          | newProduct().tap { skus[0].priceVnd = 0 }                                || 'skus[0].priceVnd'
        'a negative stock'      | newProduct().tap { skus[0].stock = -1 }                                  || 'skus[0].stock'
        'no name'               | newProduct().tap { name = ' ' }                                          || 'name'
        'no units'              | newProduct().tap { skus = [] }                                           || 'skus'
        'a code used twice'     | newProduct().tap { skus = [skus[0], skus[0]] }                           || 'skus[1].code'
    }

    def "a seller cannot publish another seller's product"() {
        given:
        def product = call(HttpRequest.POST('/api/v1/products', newProduct()).bearerAuth(TestIdentity.seller(verifiedSeller())))

        expect:
        def response = call(HttpRequest.POST("/api/v1/products/${body(product).id}/publish", '')
                .bearerAuth(TestIdentity.seller(verifiedSeller('Người khác'))))
        response.status().code == 403
        body(response).code == 'not_your_product'
    }

    def "an unknown product is a 404 problem"() {
        expect:
        call(HttpRequest.GET("/api/v1/products/${Ids.newId()}")).status().code == 404
    }
}
