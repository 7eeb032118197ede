package vn.ocop.catalog

import io.micronaut.http.HttpRequest
import java.time.Instant
import vn.ocop.identity.api.AccountRegistered
import vn.ocop.identity.api.IdentityEvents
import vn.ocop.platform.Infra
import vn.ocop.platform.ServiceSpecification
import vn.ocop.platform.TestEvents
import vn.ocop.platform.event.Ids
import vn.ocop.platform.security.TestIdentity

/** What catalog specs share: the real database, Redis, HTTP client, tokens, and steps like "a verified seller". */
abstract class CatalogSpecification extends ServiceSpecification {

    static final String CAN_THO = '92'
    static final String MY_XUYEN_COMMUNE = '31684'

    /** A seller who registered in identity, as catalog learns of it from the identity stream. */
    UUID registeredSeller(String name = 'Gạo Ông Cua', String province = CAN_THO) {
        UUID account = Ids.newId()
        TestEvents.publish(redis, json, IdentityEvents.STREAM, AccountRegistered.TYPE, account.toString(),
                new AccountRegistered(account, name, '0912345678', null, ['SELLER'], null,
                        new AccountRegistered.SellerApplication('ENTERPRISE', "DNTN $name".toString(), province, MY_XUYEN_COMMUNE),
                        Instant.now()))
        conditions.eventually {
            assert Infra.count(tx, 'SELECT COUNT(*) FROM sellers WHERE id = ?', [account.toString()]) == 1
        }
        account
    }

    UUID verifiedSeller(String name = 'Gạo Ông Cua') {
        UUID seller = registeredSeller(name)
        def response = call(HttpRequest.POST("/api/v1/sellers/$seller/decisions", [decision: 'VERIFY'])
                .bearerAuth(TestIdentity.officer(Ids.newId(), CAN_THO)))
        assert response.status().code == 200
        seller
    }

    Map newProduct(String name = 'Gạo ST25 Ông Cua', int stock = 50, Map extra = [:]) {
        [name       : name, description: 'Gạo thơm ST25 trồng tại Mỹ Xuyên, Sóc Trăng'] + extra +
                [skus: [[code: 'ST25-5KG', label: 'Túi 5 kg', unit: 'túi', priceVnd: 220000, weightGrams: 5100, stock: stock]]]
    }

    /** A published product of a verified seller; returns the product view. */
    Map publishedProduct(UUID seller, String name = 'Gạo ST25 Ông Cua', int stock = 50) {
        def created = call(HttpRequest.POST('/api/v1/products', newProduct(name, stock)).bearerAuth(TestIdentity.seller(seller)))
        assert created.status().code == 201
        def published = call(HttpRequest.POST("/api/v1/products/${body(created).id}/publish", '').bearerAuth(TestIdentity.seller(seller)))
        assert published.status().code == 200
        body(published)
    }

    Map stock(UUID skuId) {
        Infra.rows(tx, 'SELECT available, reserved, sold FROM skus WHERE id = ?', [skuId.toString()]).first()
    }
}
