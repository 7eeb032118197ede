package vn.ocop.payments.vietqr

import io.lettuce.core.Range
import io.micronaut.context.annotation.Property
import io.micronaut.http.HttpRequest
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import java.time.Duration
import java.time.Instant
import java.time.temporal.ChronoUnit
import spock.util.concurrent.PollingConditions
import vn.ocop.orders.api.CheckoutAwaitingPayment
import vn.ocop.orders.api.OrdersEvents
import vn.ocop.payments.PaymentsDb
import vn.ocop.payments.api.PaymentMethod
import vn.ocop.payments.api.PaymentsEvents
import vn.ocop.payments.session.PaymentSessions
import vn.ocop.platform.Infra
import vn.ocop.platform.ServiceSpecification
import vn.ocop.platform.event.EventEnvelope
import vn.ocop.platform.event.Ids

/** A checkout awaiting payment by VietQR, arriving on the orders stream in Redis: its session, QR text and QR image. */
@MicronautTest(transactional = false)
@Property(name = 'spec.name', value = 'VietQrSessionSpec')
class VietQrSessionSpec extends ServiceSpecification {

    @Inject PaymentSessions sessions

    def setup() {
        PaymentsDb.clean(tx)
        redis.sync().del(PaymentsEvents.STREAM)
        conditions = new PollingConditions(timeout: 15)
    }

    def "a checkout awaiting VIETQR payment gets a session whose action is the QR: its text and the URL of its PNG"() {
        given:
        def checkout = checkout(1_234_000, Instant.now().plus(10, ChronoUnit.MINUTES))

        when:
        append(checkout)

        then:
        conditions.eventually {
            assert opened(checkout.checkoutId()).size() == 1
        }
        def session = Infra.rows(tx, 'SELECT * FROM payment_sessions WHERE checkout_id = ?', [checkout.checkoutId().toString()]).first()
        session.method == 'VIETQR'
        session.state == 'OPEN'
        session.amount_vnd == 1_234_000
        session.received_vnd == 0
        session.txn_ref ==~ /[0-9A-Z]{16}/
        def ref = session.txn_ref as String

        and: 'the QR asks for the checkout total in whole dong, to the configured account, with our reference as purpose'
        def payload = VietQrPayload.of('970415', '0011001932418', 1_234_000L, "OCOP ${ref}")
        payload.startsWith('00020101021238570010A00000072701270006970415011300110019324180208QRIBFTTA' +
                "530370454071234000" + "5802VN62250821OCOP ${ref}6304")
        def event = opened(checkout.checkoutId()).first()
        event.method == 'VIETQR'
        event.amountVnd == 1_234_000
        event.action == [kind: 'QR', url: "https://cho.ocop.example/payments/vietqr/${ref}/qr.png".toString(), qrPayload: payload]
        session.pay_url == event.action.url

        and: 'it expires like a VNPay session: at the checkout\'s payBefore'
        Instant.parse(event.expiresAt as String) == checkout.payBefore().truncatedTo(ChronoUnit.SECONDS)
        PaymentsDb.utc(session.expires_at) == checkout.payBefore().truncatedTo(ChronoUnit.SECONDS)

        and: 'the PNG served at that URL decodes back to the exact payload'
        def png = http.toBlocking().exchange(HttpRequest.GET("/payments/vietqr/${ref}/qr.png"), byte[])
        png.contentType.get().toString() == 'image/png'
        png.header('Cache-Control') == 'no-store'
        VietQrPayloadSpec.decode(png.body()) == payload

        and: 'the buyer can read the payment, with the account to check and the expiry in Viet Nam\'s time'
        with(read(HttpRequest.GET("/payments/vietqr/${ref}")) as Map) {
            reference == ref
            checkoutNumber == 'CK-7Q4M2X9P'
            state == 'OPEN'
            remainingVnd == 1_234_000
            bankBin == '970415'
            accountNumber == '0011001932418'
            accountName == 'SAN OCOP SOC TRANG'
            purpose == "OCOP ${ref}".toString()
            qrPayload == payload
            Instant.parse(expiresAt as String) == PaymentsDb.utc(session.expires_at)
            (expiresAtLocal as String).endsWith('+07:00')
        }
    }

    def "a VietQR session lives at most the configured maximum"() {
        given:
        def checkout = checkout(690_000, Instant.now().plus(Duration.ofHours(2)))

        when:
        append(checkout)

        then:
        conditions.eventually {
            assert opened(checkout.checkoutId()).size() == 1
        }
        def session = Infra.rows(tx, 'SELECT created_at, expires_at FROM payment_sessions WHERE checkout_id = ?',
                [checkout.checkoutId().toString()]).first()
        PaymentsDb.utc(session.expires_at) == PaymentsDb.utc(session.created_at) + Duration.ofMinutes(15)
    }

    def "an unknown or malformed reference, or a VNPay session's, is a 404 problem; a closed session's QR is 410"() {
        given:
        def vnpay = sessions.save(PaymentsDb.openSession(method: PaymentMethod.VNPAY))
        def cancelled = sessions.save(PaymentsDb.openSession(method: PaymentMethod.VIETQR))
        Infra.execute(tx, "UPDATE payment_sessions SET state = 'CANCELLED' WHERE id = ?", [cancelled.id().toString()])

        expect:
        ["/payments/vietqr/ZZZZZZZZZZZZZZZZ", "/payments/vietqr/short", "/payments/vietqr/${vnpay.txnRef()}",
         "/payments/vietqr/ZZZZZZZZZZZZZZZZ/qr.png", "/payments/vietqr/${vnpay.txnRef()}/qr.png"].every { String path ->
            def response = this.call(HttpRequest.GET(path))
            response.status().code == 404 && response.contentType.get().toString() == 'application/problem+json' &&
                    body(response).code == 'unknown_vietqr_payment'
        }
        call(HttpRequest.GET("/payments/vietqr/${cancelled.txnRef()}/qr.png")).status().code == 410
        body(call(HttpRequest.GET("/payments/vietqr/${cancelled.txnRef()}"))).qrPayload == null
    }

    private static CheckoutAwaitingPayment checkout(long amountVnd, Instant payBefore) {
        new CheckoutAwaitingPayment(Ids.newId(), 'CK-7Q4M2X9P', Ids.newId(), PaymentMethod.VIETQR, amountVnd, payBefore, '113.161.72.10')
    }

    private void append(CheckoutAwaitingPayment checkout) {
        def envelope = new EventEnvelope(Ids.newId(), CheckoutAwaitingPayment.TYPE, CheckoutAwaitingPayment.VERSION, Instant.now(),
                checkout.checkoutId().toString(), null, json.writeValueToTree(checkout))
        redis.sync().xadd(OrdersEvents.STREAM, [id: envelope.id().toString(), type: envelope.type(),
                                                envelope: json.writeValueAsString(envelope)])
    }

    private List<Map> opened(UUID checkoutId) {
        redis.sync().xrange(PaymentsEvents.STREAM, Range.create('-', '+'))
                .collect { json.readValue(it.body.envelope, Map) }
                .findAll { it.type == 'PaymentSessionOpened' && it.data.checkoutId == checkoutId.toString() }
                *.data
    }
}
