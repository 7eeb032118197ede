package vn.ocop.deploy

import com.google.zxing.BinaryBitmap
import com.google.zxing.MultiFormatReader
import com.google.zxing.client.j2se.BufferedImageLuminanceSource
import com.google.zxing.common.HybridBinarizer
import io.micronaut.http.HttpRequest
import java.time.Duration
import java.time.LocalDate
import javax.imageio.ImageIO
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.Stepwise
import spock.lang.Timeout
import spock.util.concurrent.PollingConditions

/**
 * One real order through every service, started from their jars against real MariaDB and Redis: a verified seller
 * lists ST25 rice, a buyer checks out, catalog reserves, payments opens a VNPay session, a VNPay IPN (from the local
 * stand-in, signed as VNPay signs) pays it, catalog sells the stock, and the lot's QR code resolves. Then the same with
 * the orders service killed after CheckoutPlaced and started again.
 */
@Stepwise
@Timeout(600)
class OrderToPaidScenario extends Specification {

    @Shared ServiceProcesses services = new ServiceProcesses()
    @Shared @AutoCleanup Api api
    @Shared @AutoCleanup EndState state
    @Shared Marketplace market
    @Shared Marketplace.Session seller, buyer, officer
    @Shared Map rice
    @Shared String skuId
    PollingConditions conditions = new PollingConditions(timeout: 30, delay: 0.2)

    def setupSpec() {
        services.reset()
        services.startAll()
        api = new Api(services.urls())
        state = new EndState(services)
        market = new Marketplace(api, Duration.ofSeconds(30))
    }

    def cleanupSpec() {
        services.stopAll()
    }

    def "every service starts from its jar and is ready"() {
        println "ready after launch (ms, five JVMs starting at once, no AOT cache): ${services.readyAfterMillis}"

        expect:
        services.readyAfterMillis.keySet() == ServiceProcesses.SERVICES as Set
        ServiceProcesses.SERVICES.every { api.get(services.url(it), '/health/readiness', null).status() == 200 }
    }

    def "a seller registers, is verified by an officer of its province, and lists ST25 rice that anyone can read"() {
        when:
        def admin = market.login(ServiceProcesses.ADMIN_EMAIL, ServiceProcesses.ADMIN_PASSWORD)
        officer = market.ensureStaff(admin, 'OFFICER', 'canbo@e2e.ocop.local', 'E2e-Officer-2025', 'Cán bộ Cần Thơ', '92')
        seller = market.ensureSeller(DemoData.sellerRegistration() + [email: 'st25@e2e.ocop.local', phone: '0912000125'])
        def verified = market.ensureVerified(officer, seller, DemoData.sellerProfile() + [phone: '0912000125'],
                DemoData.sellerPayout())
        rice = market.ensureProduct(seller, [name: 'Gạo ST25 (E2E)', gtin: '8931234567897', ocopGroup: 'FOOD',
                                             originCommuneCode: DemoData.MY_XUYEN,
                                             skus: [[code: 'ST25-5KG', label: 'Túi 5 kg', unit: 'túi', priceVnd: 220000,
                                                     weightGrams: 5100, stock: 20]]])
        skuId = rice.skus[0].id

        then: 'the seller token from identity was accepted by catalog, and the product is public'
        verified.status == 'VERIFIED'
        api.get(services.url('catalog'), "/api/v1/products/${rice.id}", null).body().status == 'PUBLISHED'

        and: 'a tampered token is refused by another service'
        api.get(services.url('catalog'), "/api/v1/sellers/${seller.accountId()}/history", tamper(seller.accessToken())).status() == 401
    }

    def "a buyer checks out, pays through VNPay, and the order is PAID in every service"() {
        given:
        buyer = market.ensureBuyer('0987000111', 'buyer@e2e.ocop.local', 'E2e-Buyer-2025', 'Trần Văn Bình')

        when:
        def placed = market.checkout(buyer, checkoutOf(3), UUID.randomUUID().toString())
        String checkoutId = placed.text('id')
        String payUrl = market.awaitPaymentUrl(buyer, checkoutId)

        then:
        placed.status() == 201
        market.checkoutView(buyer, checkoutId).status == 'AWAITING_PAYMENT'

        when: 'a forged IPN arrives first'
        def forged = market.fetch(services.url('payments').toString() + '/payments/vnpay/ipn?' +
                URI.create(payUrl).rawQuery.replace('vnp_Command=pay', 'vnp_ResponseCode=00&vnp_TransactionStatus=00'))

        then: 'VNPay is told 97 and nothing changes'
        forged.body() == [RspCode: '97', Message: 'Invalid signature']
        market.checkoutView(buyer, checkoutId).status == 'AWAITING_PAYMENT'

        when: 'the buyer pays at the VNPay stand-in, which calls our IPN as VNPay does'
        market.payWithStandIn(payUrl)
        def paid = market.awaitStatus(buyer, checkoutId, 'PAID')

        then:
        paid.orders*.status == ['PAID']
        paid.totalVnd == 3 * 220000 + 20000 + 15 * 5000

        and: 'catalog sold the reserved bags'
        conditions.eventually {
            assert state.rows('catalog', 'SELECT available, reserved, sold FROM skus WHERE id = ?', [skuId]) ==
                    [[available: 17, reserved: 0, sold: 3]]
        }
        state.rows('catalog', 'SELECT status FROM reservations WHERE checkout_id = ?', [checkoutId])*.status == ['COMMITTED']
        state.rows('catalog', 'SELECT reason FROM stock_movements WHERE sku_id = ? ORDER BY id', [skuId])*.reason ==
                ['INITIAL_STOCK', 'RESERVATION', 'SALE']

        and: 'orders, payments and identity hold the same story'
        state.rows('orders', 'SELECT status, total_vnd FROM checkouts WHERE id = ?', [checkoutId]) ==
                [[status: 'PAID', total_vnd: paid.totalVnd as long]]
        state.rows('orders', 'SELECT cause FROM checkout_history WHERE checkout_id = ? ORDER BY id', [checkoutId])*.cause ==
                ['placed by buyer', 'StockReserved', 'PaymentSucceeded']
        state.rows('payments', 'SELECT state, amount_vnd FROM payment_sessions WHERE checkout_id = ?', [checkoutId]) ==
                [[state: 'SUCCEEDED', amount_vnd: paid.totalVnd as long]]
        state.rows('payments', 'SELECT answer_code FROM provider_notifications WHERE txn_ref = ? ORDER BY received_at',
                [txnRef(payUrl)])*.answer_code == ['97', '00']
        state.count('identity', 'SELECT COUNT(*) FROM accounts') == 4

        and: 'every event of the saga was published exactly once, and nothing was dead-lettered'
        conditions.eventually {
            assert state.eventCounts(checkoutId) == [CheckoutPlaced       : 1, StockReserved: 1, CheckoutAwaitingPayment: 1,
                                                     PaymentSessionOpened : 1, PaymentSucceeded: 1, OrderPaid: 1, StockCommitted: 1]
        }
        ServiceProcesses.SERVICES.every { state.deadLetters(it) == 0 }
    }

    def "a checkout for more bags than are in stock ends REJECTED with the reason, and reserves nothing"() {
        when:
        def placed = market.checkout(buyer, checkoutOf(100), UUID.randomUUID().toString())
        def rejected = market.awaitStatus(buyer, placed.text('id'), 'REJECTED')

        then:
        placed.status() == 201
        rejected.rejectionReason == 'Gạo ST25 (E2E) (Túi 5 kg): còn 17, cần 100'
        rejected.payment.action == null
        state.rows('catalog', 'SELECT available, reserved, sold FROM skus WHERE id = ?', [skuId]) == [[available: 17, reserved: 0, sold: 3]]
        state.count('payments', 'SELECT COUNT(*) FROM payment_sessions WHERE checkout_id = ?', [placed.text('id')]) == 0
    }

    def "the seller registers a harvest lot; its QR code decodes to a URL that answers with the product and the lot"() {
        when:
        def lot = market.registerLot(seller, [productId: rice.id, code: 'ST25-E2E-01', quantity: 850, unit: 'kg',
                                              harvestDate: LocalDate.now().minusDays(20).toString()])
        def png = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                services.url('traceability').resolve('/api/v1/lots/ST25-E2E-01/qr.png')).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray())
        String scanned = new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(
                new BufferedImageLuminanceSource(ImageIO.read(new ByteArrayInputStream(png.body())))))).text
        def resolved = market.fetch(scanned)

        then:
        lot.status() == 201
        png.headers().firstValue('Content-Type').get() == 'image/png'
        scanned == "${services.url('traceability')}/01/08931234567897/10/ST25-E2E-01"
        resolved.status() == 200
        resolved.body().product.name == 'Gạo ST25 (E2E)'
        resolved.body().product.seller.id == seller.accountId().toString()
        resolved.body().lot.code == 'ST25-E2E-01'
        state.count('traceability', 'SELECT COUNT(*) FROM lots WHERE code = ?', ['ST25-E2E-01']) == 1
    }

    def "with the orders service killed right after CheckoutPlaced, the order still ends PAID once it is back, nothing doubled"() {
        when: 'a checkout is placed and its CheckoutPlaced is on the stream'
        def placed = market.checkout(buyer, checkoutOf(2), UUID.randomUUID().toString())
        String checkoutId = placed.text('id')
        conditions.eventually {
            assert state.events('ocop.orders', checkoutId)*.type == ['CheckoutPlaced']
        }

        and: 'orders dies (SIGKILL) before it can react to anything'
        services.stop('orders', true)

        then: 'catalog carries on and reserves while orders is down'
        conditions.eventually {
            assert state.events('ocop.catalog', checkoutId)*.type == ['StockReserved']
        }
        // orders has usually not taken the reservation yet; on a fast run it took it in the milliseconds before the kill
        // (and its payment request may be in its outbox, unsent): either way the restart must finish the flow exactly once
        state.rows('orders', 'SELECT status FROM checkouts WHERE id = ?', [checkoutId])*.status in [['PENDING_STOCK'], ['AWAITING_PAYMENT']]

        when: 'orders is started again'
        services.start('orders')
        services.awaitReady('orders')
        market.payWithStandIn(market.awaitPaymentUrl(buyer, checkoutId))
        def paid = market.awaitStatus(buyer, checkoutId, 'PAID')

        then:
        paid.orders*.status == ['PAID']
        conditions.eventually {
            assert state.rows('catalog', 'SELECT available, reserved, sold FROM skus WHERE id = ?', [skuId]) ==
                    [[available: 15, reserved: 0, sold: 5]]
            assert state.eventCounts(checkoutId) == [CheckoutPlaced       : 1, StockReserved: 1, CheckoutAwaitingPayment: 1,
                                                     PaymentSessionOpened : 1, PaymentSucceeded: 1, OrderPaid: 1, StockCommitted: 1]
        }
        state.count('orders', 'SELECT COUNT(*) FROM checkouts WHERE buyer_id = ?', [buyer.accountId().toString()]) == 3
        state.count('payments', 'SELECT COUNT(*) FROM payment_sessions WHERE checkout_id = ?', [checkoutId]) == 1
        state.count('orders', 'SELECT COUNT(*) FROM inbox WHERE event_type = ?', ['StockReserved']) == 2
        ServiceProcesses.SERVICES.every { state.deadLetters(it) == 0 }
    }

    def "with the orders service killed the instant it answers the checkout, the order still ends PAID once, nothing doubled"() {
        when: 'orders dies right after committing the checkout, perhaps before its outbox relay sent CheckoutPlaced'
        def placed = market.checkout(buyer, checkoutOf(1), UUID.randomUUID().toString())
        services.stop('orders', true)
        String checkoutId = placed.text('id')

        and: 'it comes back, and the buyer pays'
        services.start('orders')
        services.awaitReady('orders')
        market.payWithStandIn(market.awaitPaymentUrl(buyer, checkoutId))
        def paid = market.awaitStatus(buyer, checkoutId, 'PAID')

        then: 'each event of the saga exists once (a message may repeat after such a crash; its effects do not)'
        placed.status() == 201
        paid.orders*.status == ['PAID']
        conditions.eventually {
            assert state.distinctEventCounts(checkoutId) == [CheckoutPlaced      : 1, StockReserved: 1, CheckoutAwaitingPayment: 1,
                                                             PaymentSessionOpened: 1, PaymentSucceeded: 1, OrderPaid: 1,
                                                             StockCommitted      : 1]
            assert state.rows('catalog', 'SELECT available, reserved, sold FROM skus WHERE id = ?', [skuId]) ==
                    [[available: 14, reserved: 0, sold: 6]]
        }
        state.count('catalog', 'SELECT COUNT(*) FROM reservations WHERE checkout_id = ?', [checkoutId]) == 1
        state.count('payments', 'SELECT COUNT(*) FROM payment_sessions WHERE checkout_id = ?', [checkoutId]) == 1
        ServiceProcesses.SERVICES.every { state.deadLetters(it) == 0 }
    }

    private Map checkoutOf(int bags) {
        [lines          : [[skuId: skuId, quantity: bags]],
         shippingAddress: [recipientName: 'Trần Văn Bình', phone: '0987000111', street: '45 Hai Bà Trưng',
                           communeCode  : '00004', provinceCode: '01'],
         paymentMethod  : 'VNPAY']
    }

    private static String txnRef(String payUrl) {
        URI.create(payUrl).rawQuery.tokenize('&').find { it.startsWith('vnp_TxnRef=') }.substring(11)
    }

    private static String tamper(String jwt) {
        def parts = jwt.split('\\.')
        def payload = new String(Base64.urlDecoder.decode(parts[1]), 'UTF-8').replace('SELLER', 'ADMIN')
        parts[0] + '.' + Base64.urlEncoder.withoutPadding().encodeToString(payload.getBytes('UTF-8')) + '.' + parts[2]
    }
}
