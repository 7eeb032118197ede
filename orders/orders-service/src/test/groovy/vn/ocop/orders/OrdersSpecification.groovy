package vn.ocop.orders

import io.micronaut.http.HttpRequest
import io.micronaut.http.HttpResponse
import java.time.Instant
import vn.ocop.catalog.api.AdminUnitsPublished
import vn.ocop.catalog.api.CatalogEvents
import vn.ocop.catalog.api.ProductPublished
import vn.ocop.orders.api.OrdersEvents
import vn.ocop.payments.api.PaymentsEvents
import vn.ocop.platform.Infra
import vn.ocop.platform.ServiceSpecification
import vn.ocop.platform.TestEvents
import vn.ocop.platform.event.Ids
import vn.ocop.platform.security.TestIdentity

/** What orders specs share: real database and Redis, an HTTP client, tokens, products published by "catalog". */
abstract class OrdersSpecification extends ServiceSpecification {

    /** The communes these specs ship to, as catalog publishes them (a test edition of the official list). */
    static final AdminUnitsPublished COMMUNES = new AdminUnitsPublished('test-edition-1',
            [new AdminUnitsPublished.Province('92', 'Thành phố Cần Thơ'), new AdminUnitsPublished.Province('01', 'Thành phố Hà Nội')],
            [new AdminUnitsPublished.Commune('31900', 'Phường Sóc Trăng', '92'),
             new AdminUnitsPublished.Commune('31507', 'Phường Ninh Kiều', '92'),
             new AdminUnitsPublished.Commune('00004', 'Phường Ba Đình', '01')], Instant.parse('2026-11-20T00:00:00Z'))

    def setup() {
        if (Infra.count(tx, 'SELECT COUNT(*) FROM admin_units_edition WHERE sha256 = ?', [COMMUNES.sha256()]) == 0) {
            TestEvents.publish(redis, json, CatalogEvents.STREAM, AdminUnitsPublished.TYPE, 'admin-units', COMMUNES)
            conditions.eventually {
                assert Infra.count(tx, 'SELECT COUNT(*) FROM admin_units_edition WHERE sha256 = ?', [COMMUNES.sha256()]) == 1
            }
        }
    }

    /** Catalog publishes a product; returns its first SKU's id once orders holds the copy. */
    UUID productOnSale(UUID seller, String name = 'Gạo ST25', long price = 220000, int grams = 5100, long revision = 1,
                       UUID productId = Ids.newId(), UUID skuId = Ids.newId(), String province = '92') {
        TestEvents.publish(redis, json, CatalogEvents.STREAM, ProductPublished.TYPE, productId.toString(),
                new ProductPublished(productId, revision, seller, 'Người bán', name, null,
                        [new ProductPublished.Sku(skuId, 'SKU-1', 'Túi 5 kg', 'túi', price, grams)], Instant.now(), province))
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

    void catalogSays(String type, Object event) {
        TestEvents.publish(redis, json, CatalogEvents.STREAM, type, event.checkoutId().toString(), event)
    }

    void paymentsSay(String type, Object event) {
        TestEvents.publish(redis, json, PaymentsEvents.STREAM, type, event.checkoutId().toString(), event)
    }

    /** This checkout's events of one type that orders published, oldest first. */
    List<Map> ordersEvents(String type, UUID checkoutId) {
        TestEvents.read(redis, json, OrdersEvents.STREAM, type).findAll { it.data.checkoutId == checkoutId.toString() }
    }
}
