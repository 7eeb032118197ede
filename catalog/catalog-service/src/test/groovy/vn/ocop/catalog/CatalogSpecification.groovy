package vn.ocop.catalog

import io.micronaut.http.HttpRequest
import java.time.Instant
import vn.ocop.catalog.api.CatalogEvents
import vn.ocop.catalog.api.StockReserved
import vn.ocop.identity.api.AccountRegistered
import vn.ocop.identity.api.IdentityEvents
import vn.ocop.orders.api.CheckoutPlaced
import vn.ocop.orders.api.OrderConfirmed
import vn.ocop.orders.api.OrderPaid
import vn.ocop.orders.api.OrdersEvents
import vn.ocop.payments.api.PaymentMethod
import vn.ocop.platform.Infra
import vn.ocop.platform.ServiceSpecification
import vn.ocop.platform.TestEvents
import vn.ocop.platform.event.EventEnvelope
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

    /** A helper account created in identity, as catalog learns of it. */
    UUID registeredHelper(String phone) {
        UUID account = Ids.newId()
        TestEvents.publish(redis, json, IdentityEvents.STREAM, AccountRegistered.TYPE, account.toString(),
                new AccountRegistered(account, 'Đoàn viên Nguyễn Văn Tâm', phone, null, ['HELPER'], null, null, Instant.now()))
        conditions.eventually {
            assert Infra.count(tx, 'SELECT COUNT(*) FROM helpers WHERE id = ?', [account.toString()]) == 1
        }
        account
    }

    static Map profile(Map overrides = [:]) {
        [displayName   : 'Gạo Ông Cua', sellerType: 'ENTERPRISE', legalName: 'Doanh nghiệp tư nhân Hồ Quang',
         businessCode  : '2200123456', representative: 'Hồ Quang Cua', phone: '0912345678', email: 'st25@example.vn',
         address       : [street: '12 Hùng Vương, khóm 5', provinceCode: CAN_THO, communeCode: MY_XUYEN_COMMUNE,
                          legacyDistrictCode: '947']] + overrides
    }

    static final Map BANK_PAYOUT = [method: 'BANK_ACCOUNT', bankBin: '970436', accountNumber: '0071000123456',
                                    accountName: 'Hồ Quang Cua']

    /** The seller fills in its profile and payout account, as it must before an officer can verify it. */
    void completeProfile(UUID seller, Map overrides = [:]) {
        assert call(HttpRequest.PUT("/api/v1/sellers/$seller/profile", profile(overrides))
                .bearerAuth(TestIdentity.seller(seller))).status().code == 200
        assert call(HttpRequest.PUT("/api/v1/sellers/$seller/payout-account", BANK_PAYOUT)
                .bearerAuth(TestIdentity.seller(seller))).status().code == 200
    }

    UUID verifiedSeller(String name = 'Gạo Ông Cua') {
        UUID seller = registeredSeller(name)
        completeProfile(seller, [displayName: name])
        def response = call(HttpRequest.POST("/api/v1/sellers/$seller/decisions", [decision: 'VERIFY'])
                .bearerAuth(TestIdentity.officer(Ids.newId(), CAN_THO)))
        assert response.status().code == 200
        seller
    }

    Map newProduct(String name = 'Gạo ST25 Ông Cua', int stock = 50, Map extra = [:]) {
        [name             : name, description: 'Gạo thơm ST25 trồng tại Mỹ Xuyên, Sóc Trăng', ocopGroup: 'FOOD',
         category         : 'Gạo', originCommuneCode: MY_XUYEN_COMMUNE] + extra +
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

    /** Imports one certificate for the seller's business code as the Cần Thơ trade office; returns its number. */
    String certificate(int stars, String issuedOn = '2025-01-15', String expiresOn = '', String subjectCode = '2200123456') {
        String number = "OCOP-${System.nanoTime()}"
        def csv = 'certificate_number,product_name,subject_name,subject_code,stars,group,issuing_level,issue_date,' +
                "expiry_date,province_code\n$number,Sản phẩm thử,Chủ thể thử,$subjectCode,$stars,FOOD," +
                "${stars == 5 ? 'CENTRAL' : 'PROVINCE'},$issuedOn,$expiresOn,$CAN_THO\n"
        def response = call(HttpRequest.POST('/api/v1/ocop/certificates/imports', csv.getBytes('UTF-8')).contentType('text/csv')
                .bearerAuth(TestIdentity.officer(Ids.newId(), CAN_THO)))
        assert response.status().code == 200 && body(response).errors == 0
        number
    }

    /** The seller claims the certificate for the product and an officer of Cần Thơ approves it. */
    void certify(UUID seller, Object productId, String number) {
        assert call(HttpRequest.POST("/api/v1/products/$productId/certificate-claim", [certificateNumber: number])
                .bearerAuth(TestIdentity.seller(seller))).status().code == 200
        assert call(HttpRequest.POST("/api/v1/products/$productId/certificate-claim/decision", [decision: 'APPROVE'])
                .bearerAuth(TestIdentity.officer(Ids.newId(), CAN_THO))).status().code == 200
    }

    /** A published product with the given details (merged over {@link #newProduct}); returns its view. */
    Map listed(UUID seller, Map given, int stock = 50, long price = 220000) {
        Map details = given.collectEntries { k, v -> [k, v instanceof GString ? v.toString() : v] }
        Map request = newProduct((String) details.name, stock, details) + [skus: [[code: 'U1', label: 'Túi', unit: 'túi',
                                                                                   priceVnd: price, weightGrams: 1000, stock: stock]]]
        def created = call(HttpRequest.POST('/api/v1/products', request).bearerAuth(TestIdentity.seller(seller)))
        assert created.status().code == 201
        def published = call(HttpRequest.POST("/api/v1/products/${body(created).id}/publish", '').bearerAuth(TestIdentity.seller(seller)))
        assert published.status().code == 200
        body(published)
    }

    static CheckoutPlaced checkout(List<CheckoutPlaced.Order> orders) {
        long total = orders.sum { it.totalVnd() } as long
        new CheckoutPlaced(Ids.newId(), 'CK-TEST' + Ids.newId().toString()[-6..-1], Ids.newId(), PaymentMethod.VNPAY, total,
                Instant.now(), orders)
    }

    static CheckoutPlaced.Order orderLines(UUID seller, List<List> lines) {
        def orderLines = lines.collect { new CheckoutPlaced.Line(it[0] as UUID, Ids.newId(), 'Gạo ST25', it[1] as int, 220000) }
        long subtotal = orderLines.sum { Math.multiplyExact(it.quantity() as long, it.unitPriceVnd()) } as long
        new CheckoutPlaced.Order(Ids.newId(), 'DH-TEST', seller, subtotal, 30000, subtotal + 30000, orderLines)
    }

    /** Orders' events for a checkout of these lines, placed then paid, as catalog receives them. */
    OrderPaid paid(CheckoutPlaced checkout, CheckoutPlaced.Order order) {
        new OrderPaid(order.orderId(), order.orderNumber(), checkout.checkoutId(), order.sellerId(), PaymentMethod.VNPAY,
                order.totalVnd(), Instant.now(), order.lines())
    }

    /** Orders' confirmation of a cash-on-delivery order of the checkout, as catalog receives it. */
    OrderConfirmed confirmed(CheckoutPlaced checkout, CheckoutPlaced.Order order) {
        new OrderConfirmed(order.orderId(), order.orderNumber(), checkout.checkoutId(), order.sellerId(), PaymentMethod.COD,
                order.totalVnd(), Instant.now(), order.lines())
    }

    /** A placed checkout of {@code quantity} units, reserved. */
    CheckoutPlaced reserved(UUID seller, UUID sku, int quantity) {
        def placed = checkout([orderLines(seller, [[sku, quantity]])])
        TestEvents.publish(redis, json, OrdersEvents.STREAM, CheckoutPlaced.TYPE, placed.checkoutId().toString(), placed)
        conditions.eventually { assert catalogEvents(StockReserved.TYPE, placed.checkoutId()).size() == 1 }
        placed
    }

    /** Puts an event on the orders stream, as orders publishes it, and waits until catalog has handled it. */
    EventEnvelope fromOrders(String type, UUID aggregateId, Object data) {
        def envelope = TestEvents.publish(redis, json, OrdersEvents.STREAM, type, aggregateId.toString(), data)
        conditions.eventually {
            assert Infra.count(tx, 'SELECT COUNT(*) FROM inbox WHERE event_id = ?', [envelope.id().toString()]) == 1
        }
        envelope
    }

    /** Catalog's events (envelopes, as maps) of one type about a checkout, oldest first, as they reached its stream. */
    List<Map> catalogEvents(String type, UUID checkoutId) {
        TestEvents.read(redis, json, CatalogEvents.STREAM, type).findAll { it.data.checkoutId == checkoutId.toString() }
    }

    String reservationStatus(CheckoutPlaced checkout) {
        Infra.rows(tx, 'SELECT status FROM reservations WHERE checkout_id = ?', [checkout.checkoutId().toString()]).first().status
    }

    Map stock(UUID skuId) {
        Infra.rows(tx, 'SELECT available, reserved, sold FROM skus WHERE id = ?', [skuId.toString()]).first()
    }
}
