package vn.ocop.orders

import io.micronaut.http.HttpRequest
import io.micronaut.http.HttpResponse
import java.time.Instant
import vn.ocop.catalog.api.CatalogEvents
import vn.ocop.catalog.api.ProductPublished
import vn.ocop.platform.Infra
import vn.ocop.platform.ServiceSpecification
import vn.ocop.platform.TestEvents
import vn.ocop.platform.event.Ids
import vn.ocop.platform.security.TestIdentity

/** What orders specs share: real database and Redis, an HTTP client, tokens, products published by "catalog". */
abstract class OrdersSpecification extends ServiceSpecification {

    /** Catalog publishes a product; returns its first SKU's id once orders holds the copy. */
    UUID productOnSale(UUID seller, String name = 'Gạo ST25', long price = 220000, int grams = 5100, long revision = 1,
                       UUID productId = Ids.newId(), UUID skuId = Ids.newId()) {
        TestEvents.publish(redis, json, CatalogEvents.STREAM, ProductPublished.TYPE, productId.toString(),
                new ProductPublished(productId, revision, seller, 'Người bán', name, null,
                        [new ProductPublished.Sku(skuId, 'SKU-1', 'Túi 5 kg', 'túi', price, grams)], Instant.now()))
        conditions.eventually {
            assert Infra.count(tx, 'SELECT COUNT(*) FROM catalog_skus WHERE sku_id = ? AND product_revision = ?',
                    [skuId.toString(), revision]) == 1
        }
        skuId
    }

    static Map checkoutBody(List<List> lines, String method = 'VNPAY') {
        [lines          : lines.collect { [skuId: it[0].toString(), quantity: it[1]] },
         shippingAddress: [recipientName: 'Nguyễn Văn An', phone: '0912345678', street: '12 Nguyễn Trãi, khóm 3',
                           communeCode  : '31900', provinceCode: '92'],
         paymentMethod  : method]
    }

    HttpResponse<Map> checkout(UUID buyer, Map request, String key = UUID.randomUUID().toString()) {
        call(HttpRequest.POST('/api/v1/checkouts', request).header('Idempotency-Key', key).bearerAuth(TestIdentity.buyer(buyer)))
    }

    Map view(UUID buyer, Object checkoutId) {
        body(call(HttpRequest.GET("/api/v1/checkouts/$checkoutId").bearerAuth(TestIdentity.buyer(buyer))))
    }
}
