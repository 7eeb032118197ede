package vn.ocop.orders.checkout

import io.micronaut.http.HttpRequest
import io.micronaut.http.MediaType
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import java.util.concurrent.Callable
import java.util.concurrent.CountDownLatch
import java.util.concurrent.Executors
import vn.ocop.orders.OrdersSpecification
import vn.ocop.orders.api.CheckoutPlaced
import vn.ocop.orders.api.OrdersEvents
import vn.ocop.platform.Infra
import vn.ocop.platform.TestEvents
import vn.ocop.platform.event.Ids
import vn.ocop.platform.security.TestIdentity

@MicronautTest(transactional = false)
class CheckoutPlacementSpec extends OrdersSpecification {

    def "one checkout across two sellers makes one order per seller, each with its shipping fee"() {
        given:
        UUID riceSeller = Ids.newId()
        UUID honeySeller = Ids.newId()
        UUID buyer = Ids.newId()
        UUID rice = productOnSale(riceSeller, 'Gạo ST25', 220000, 5100)
        UUID honey = productOnSale(honeySeller, 'Mật ong', 150000, 700, 1, Ids.newId(), Ids.newId(), '01')

        when: "shipped to Cần Thơ (92): the rice stays in its seller's province, the honey comes from Hà Nội (01)"
        def response = checkout(buyer, checkoutBody([[rice, 2], [honey, 1]]))

        then:
        response.status().code == 201
        response.header('Location') == "/api/v1/checkouts/${body(response).id}"
        with(body(response)) {
            status == 'PENDING_STOCK'
            number ==~ /CK-[0-9A-Z]{10}/
            orders*.sellerId == [riceSeller.toString(), honeySeller.toString()]
            orders*.subtotalVnd == [440000, 150000]
            // local: 15,000 for the first kg, 3,000 per started kg above it: 10.2 kg -> 15,000 + 10 x 3,000;
            // national: 20,000 for the first kg, 5,000 per started kg above it: 0.7 kg -> 20,000
            orders*.shippingVnd == [45000, 20000]
            totalVnd == 440000 + 150000 + 45000 + 20000
            payment.method == 'VNPAY'
            payment.action == null
        }

        and: 'catalog is told, with every line priced'
        conditions.eventually {
            def placed = TestEvents.read(redis, json, OrdersEvents.STREAM, CheckoutPlaced.TYPE).find { it.aggregateId == body(response).id }
            assert placed.data.orders*.lines*.skuId == [[rice.toString()], [honey.toString()]]
            assert placed.data.totalVnd == 655000
        }
    }

    def "a buyer may pay by #method"() {
        given:
        UUID rice = productOnSale(Ids.newId())

        when:
        def response = checkout(Ids.newId(), checkoutBody([[rice, 1]], method))

        then:
        response.status().code == 201
        body(response).payment.method == method

        where:
        method << ['VNPAY', 'VIETQR', 'COD']
    }

    def "the same Idempotency-Key and body returns the first response; another body is refused"() {
        given:
        UUID buyer = Ids.newId()
        UUID rice = productOnSale(Ids.newId())
        String key = "retry-${UUID.randomUUID()}"

        when:
        def first = checkout(buyer, checkoutBody([[rice, 1]]), key)
        def again = checkout(buyer, checkoutBody([[rice, 1]]), key)
        def other = checkout(buyer, checkoutBody([[rice, 2]]), key)

        then:
        first.status().code == 201
        again.status().code == 201
        body(again) == body(first)
        other.status().code == 422
        body(other).code == 'idempotency_key_reused'
        Infra.count(tx, 'SELECT COUNT(*) FROM checkouts WHERE buyer_id = ?', [buyer.toString()]) == 1
    }

    def "the same checkout sent twice at once creates one checkout"() {
        given:
        UUID buyer = Ids.newId()
        UUID rice = productOnSale(Ids.newId())
        String key = "double-click-${UUID.randomUUID()}"
        def start = new CountDownLatch(1)
        def pool = Executors.newFixedThreadPool(2)

        when:
        def responses = (1..2).collect {
            pool.submit({ start.await(); checkout(buyer, checkoutBody([[rice, 1]]), key) } as Callable)
        }
        start.countDown()
        def results = responses*.get()
        pool.shutdown()

        then:
        results*.status()*.code == [201, 201]
        results.collect { body(it).id }.unique().size() == 1
        Infra.count(tx, 'SELECT COUNT(*) FROM checkouts WHERE buyer_id = ?', [buyer.toString()]) == 1
        Infra.count(tx, "SELECT COUNT(*) FROM outbox WHERE event_type = 'CheckoutPlaced' AND aggregate_id = ?", [results.first().body().id]) == 1
    }

    def "#problem is refused with #status naming #fields, and nothing is created"() {
        given:
        UUID buyer = Ids.newId()
        UUID rice = productOnSale(Ids.newId())
        def request = requestFor.call(rice)

        when:
        def response = checkout(buyer, request)

        then:
        response.status().code == status
        response.contentType.get().toString() == 'application/problem+json'
        (body(response).errors ?: [])*.field == fields
        Infra.count(tx, 'SELECT COUNT(*) FROM checkouts WHERE buyer_id = ?', [buyer.toString()]) == 0

        where:
        problem                   | requestFor                                                                   || status | fields
        'an empty cart'           | { sku -> checkoutBody([]) }                                                  || 400    | ['lines']
        'a zero quantity'         | { sku -> checkoutBody([[sku, 0]]) }                                          || 400    | ['lines[0].quantity']
        'a negative quantity'     | { sku -> checkoutBody([[sku, -2]]) }                                         || 400    | ['lines[0].quantity']
        'an unknown product'      | { sku -> checkoutBody([[sku, 1], [Ids.newId(), 1]]) }                        || 422    | ['lines[1].skuId']
        'a bad province code'     | { sku -> checkoutBody([[sku, 1]]).tap { shippingAddress.provinceCode = 'CT' } } || 400 | ['shippingAddress.provinceCode']
        'a foreign phone number'  | { sku -> checkoutBody([[sku, 1]]).tap { shippingAddress.phone = '+33612345678' } } || 400 | ['shippingAddress.phone']
        'an unknown method'       | { sku -> checkoutBody([[sku, 1]], 'BITCOIN') }                               || 400    | ['paymentMethod']
        'a method not offered'    | { sku -> checkoutBody([[sku, 1]], 'CARD') }                                  || 422    | []
        'an unknown commune'      | { sku -> checkoutBody([[sku, 1]]).tap { shippingAddress.communeCode = '99999' } } || 422 | ['shippingAddress.communeCode']
        'a commune elsewhere'     | { sku -> checkoutBody([[sku, 1]]).tap { shippingAddress.provinceCode = '01' } } || 422 | ['shippingAddress.provinceCode']
        'a quantity as text'      | { sku -> checkoutBody([[sku, 'hai']]) }                                      || 400    | ['lines.quantity']
    }

    def "a checkout needs an Idempotency-Key, a buyer's token, and is private to its buyer"() {
        given:
        UUID buyer = Ids.newId()
        UUID rice = productOnSale(Ids.newId())
        def placed = checkout(buyer, checkoutBody([[rice, 1]]))

        expect:
        def noKey = call(HttpRequest.POST('/api/v1/checkouts', checkoutBody([[rice, 1]])).bearerAuth(TestIdentity.buyer(buyer)))
        noKey.status().code == 400
        body(noKey).errors*.field == ['Idempotency-Key']
        call(HttpRequest.POST('/api/v1/checkouts', checkoutBody([[rice, 1]])).header('Idempotency-Key', 'k-12345678'))
                .status().code == 401
        call(HttpRequest.POST('/api/v1/checkouts', checkoutBody([[rice, 1]])).header('Idempotency-Key', 'k-12345678')
                .bearerAuth(TestIdentity.seller(Ids.newId()))).status().code == 403
        call(HttpRequest.POST('/api/v1/checkouts', '{"lines": [').contentType(MediaType.APPLICATION_JSON)
                .header('Idempotency-Key', 'k-12345678').bearerAuth(TestIdentity.buyer(buyer))).status().code == 400
        call(HttpRequest.GET("/api/v1/checkouts/${body(placed).id}").bearerAuth(TestIdentity.buyer(Ids.newId()))).status().code == 404
        call(HttpRequest.GET("/api/v1/checkouts/${body(placed).id}").bearerAuth(TestIdentity.admin(Ids.newId()))).status().code == 200
    }

    def "a product snapshot older than the one held is ignored"() {
        given:
        UUID seller = Ids.newId()
        UUID product = Ids.newId()
        UUID sku = Ids.newId()
        productOnSale(seller, 'Gạo ST25', 230000, 5100, 2, product, sku)

        when: 'revision 1 arrives late, after revision 2'
        TestEvents.publish(redis, json, 'ocop.catalog', 'ProductPublished', product.toString(),
                new vn.ocop.catalog.api.ProductPublished(product, 1, seller, 'Người bán', 'Gạo ST25 (cũ)', null,
                        [new vn.ocop.catalog.api.ProductPublished.Sku(sku, 'SKU-1', 'Túi 5 kg', 'túi', 199000, 5100)],
                        java.time.Instant.now(), '92'))
        def marker = productOnSale(Ids.newId())

        then: 'once a later event is handled, the copy still has revision 2'
        marker
        Infra.rows(tx, 'SELECT price_vnd, product_revision FROM catalog_skus WHERE sku_id = ?', [sku.toString()]) ==
                [[price_vnd: 230000, product_revision: 2]]
    }
}
