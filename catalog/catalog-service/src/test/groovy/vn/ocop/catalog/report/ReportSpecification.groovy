package vn.ocop.catalog.report

import io.micronaut.http.HttpRequest
import java.time.Instant
import java.time.LocalDate
import vn.ocop.catalog.CatalogSpecification
import vn.ocop.catalog.api.StockReserved
import vn.ocop.orders.api.CheckoutPlaced
import vn.ocop.orders.api.OrderConfirmed
import vn.ocop.orders.api.OrderPaid
import vn.ocop.orders.api.OrderShipped
import vn.ocop.payments.api.PaymentMethod
import vn.ocop.payments.api.PaymentsEvents
import vn.ocop.platform.Infra
import vn.ocop.platform.TestEvents
import vn.ocop.platform.event.Ids
import vn.ocop.platform.security.TestIdentity
import vn.ocop.traceability.api.TraceabilityEvents

/**
 * What report specs share: an officer of Cần Thơ, a commune no other data uses, sellers and certificates there, and
 * sales driven through the events orders, payments and traceability publish.
 */
abstract class ReportSpecification extends CatalogSpecification {

    String officer = TestIdentity.officer(Ids.newId(), CAN_THO)

    Map report(String path) {
        def response = call(HttpRequest.GET("/api/v1/reports$path").bearerAuth(officer))
        assert response.status().code == 200: body(response)
        body(response)
    }

    /** A commune of Cần Thơ where no seller or certificate is yet. */
    String freshCommune() {
        Infra.rows(tx, "SELECT code FROM communes WHERE province_code = ? AND code NOT IN (SELECT commune_code FROM sellers) "
                + "AND code NOT IN (SELECT commune_code FROM ocop_certificates WHERE commune_code IS NOT NULL) "
                + "ORDER BY RAND() LIMIT 1", [CAN_THO]).first().code
    }

    static String uniqueCode() {
        String.valueOf(1_000_000_000L + Math.floorMod(System.nanoTime(), 8_999_999_999L))
    }

    UUID sellerIn(String commune, String type, String businessCode) {
        UUID seller = registeredSeller('HTX Thử nghiệm')
        completeProfile(seller, [displayName: 'HTX Thử nghiệm', sellerType: type, businessCode: businessCode,
                                 address: [street: '1 Ấp Mới', provinceCode: CAN_THO, communeCode: commune]])
        assert call(HttpRequest.POST("/api/v1/sellers/$seller/decisions", [decision: 'VERIFY'])
                .bearerAuth(TestIdentity.officer(Ids.newId(), CAN_THO))).status().code == 200
        seller
    }

    String certificateIn(String commune, int stars, String subjectCode, String product, LocalDate expires = null) {
        String number = "OCOP-R-${uniqueCode()}"
        importCertificate(number, commune, stars, subjectCode, product, expires, 'VALID')
        number
    }

    void revoke(String number, String commune, String subjectCode) {
        importCertificate(number, commune, 4, subjectCode, 'Rượu nếp', null, 'REVOKED')
    }

    void importCertificate(String number, String commune, int stars, String subjectCode, String product, LocalDate expires,
                           String status) {
        String csv = 'certificate_number,product_name,subject_name,subject_code,stars,group,issuing_level,issue_date,' +
                "expiry_date,province_code,commune_code,status\n$number,$product,HTX Thử nghiệm,$subjectCode,$stars,FOOD," +
                "${stars == 5 ? 'CENTRAL' : 'PROVINCE'},2025-01-15,${expires ?: ''},$CAN_THO,$commune,$status\n"
        def response = call(HttpRequest.POST('/api/v1/ocop/certificates/imports', csv.getBytes('UTF-8')).contentType('text/csv')
                .bearerAuth(TestIdentity.officer(Ids.newId(), CAN_THO)))
        assert response.status().code == 200 && body(response).errors == 0: body(response)
    }

    void claim(UUID seller, Object productId, String number) {
        assert call(HttpRequest.POST("/api/v1/products/$productId/certificate-claim", [certificateNumber: number])
                .bearerAuth(TestIdentity.seller(seller))).status().code == 200
    }

    static CheckoutPlaced.Line bought(Map product, int quantity, long price) {
        new CheckoutPlaced.Line(UUID.fromString(product.skus[0].id), UUID.fromString(product.id), product.name, quantity, price)
    }

    /** A checkout of one order, placed and reserved, then paid (or, for cash on delivery, confirmed) at {@code at}. */
    Map sell(UUID seller, PaymentMethod method, List<CheckoutPlaced.Line> lines, Instant at = Instant.now()) {
        long subtotal = 0
        lines.each { subtotal += (it.quantity() as long) * it.unitPriceVnd() }
        def order = new CheckoutPlaced.Order(Ids.newId(), 'DH-R' + uniqueCode(), seller, subtotal, 30_000, subtotal + 30_000, lines)
        def placed = new CheckoutPlaced(Ids.newId(), 'CK-R' + uniqueCode(), Ids.newId(), method, subtotal + 30_000,
                Instant.now(), [order])
        fromOrders(CheckoutPlaced.TYPE, placed.checkoutId(), placed)
        conditions.eventually { assert catalogEvents(StockReserved.TYPE, placed.checkoutId()).size() == 1 }
        Map sale = [checkout: placed, order: order, at: at]
        if (method == PaymentMethod.COD) {
            fromOrders(OrderConfirmed.TYPE, order.orderId(), new OrderConfirmed(order.orderId(), order.orderNumber(),
                    placed.checkoutId(), seller, method, order.totalVnd(), at, lines))
        } else {
            fromOrders(OrderPaid.TYPE, order.orderId(), paidWith(sale, method))
        }
        sale
    }

    static OrderPaid paidWith(Map sale, PaymentMethod method) {
        CheckoutPlaced.Order order = sale.order
        new OrderPaid(order.orderId(), order.orderNumber(), sale.checkout.checkoutId(), order.sellerId(), method,
                order.totalVnd(), sale.at as Instant, order.lines())
    }

    static OrderShipped shipped(Map sale, Map<String, String> lots) {
        CheckoutPlaced.Order order = sale.order
        new OrderShipped(order.orderId(), order.orderNumber(), sale.checkout.checkoutId(), order.sellerId(), 'VNPost',
                'VN' + uniqueCode(), Instant.now(), order.lines().collect {
            new OrderShipped.Line(it.skuId(), it.productId(), it.quantity(), lots[it.productId().toString()])
        })
    }

    void fromPayments(String type, UUID aggregate, Object data) {
        handled(TestEvents.publish(redis, json, PaymentsEvents.STREAM, type, aggregate.toString(), data).id())
    }

    void fromTraceability(String type, UUID aggregate, Object data) {
        handled(TestEvents.publish(redis, json, TraceabilityEvents.STREAM, type, aggregate.toString(), data).id())
    }

    void handled(UUID eventId) {
        conditions.eventually {
            assert Infra.count(tx, 'SELECT COUNT(*) FROM inbox WHERE event_id = ?', [eventId.toString()]) == 1
        }
    }
}
