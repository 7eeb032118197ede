package vn.ocop.payments.vnpay.standin

import io.micronaut.context.ApplicationContext
import io.micronaut.json.JsonMapper
import io.micronaut.runtime.server.EmbeddedServer
import io.micronaut.transaction.TransactionOperations
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.sql.Connection
import java.time.Instant
import java.time.temporal.ChronoUnit
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import vn.ocop.orders.api.CheckoutAwaitingPayment
import vn.ocop.payments.PaymentsDb
import vn.ocop.payments.api.PaymentMethod
import vn.ocop.platform.Infra
import vn.ocop.platform.event.EventEnvelope
import vn.ocop.platform.event.EventHandler
import vn.ocop.platform.event.Ids
import vn.ocop.payments.vnpay.VnPayRequests

/**
 * A payment completed end to end with no internet: a session opened by the service, its pay URL fetched from the
 * local stand-in, the stand-in's pay or cancel link followed, and the stand-in calling our real IPN over HTTP.
 */
class VnPayStandInSpec extends Specification {

    @Shared String base = "http://127.0.0.1:${freePort()}"
    @Shared @AutoCleanup EmbeddedServer server = ApplicationContext.run(EmbeddedServer, [
            'spec.name'                   : 'VnPayStandInSpec',
            'micronaut.server.port'       : URI.create(base).port,
            'ocop.events.consumer.enabled': 'false',
            'ocop.vnpay.pay-url'          : "$base/vnpay-standin/paymentv2/vpcpay.html".toString(),
            'ocop.vnpay.return-url'       : "$base/payments/vnpay/return".toString(),
            'ocop.vnpay.standin.enabled'  : 'true',
            'ocop.vnpay.standin.ipn-url'  : "$base/payments/vnpay/ipn".toString()], 'test')
    @Shared TransactionOperations<Connection> tx = server.applicationContext.getBean(TransactionOperations)
    @Shared JsonMapper json = server.applicationContext.getBean(JsonMapper)
    @Shared HttpClient http = HttpClient.newHttpClient()

    def setup() {
        PaymentsDb.clean(tx)
    }

    def "paying on the stand-in captures the session through our IPN and returns the buyer to the success page"() {
        given: 'a session opened for a checkout, and the stand-in page its pay URL leads to'
        def session = openSession()
        def page = get(session.pay_url as String)

        expect:
        page.statusCode() == 200
        page.body().contains('id="pay"')
        def payLink = linkHeader(page)
        page.body().contains("href=\"$payLink\"")

        when: 'the buyer follows the pay link'
        def paid = get(payLink)

        then: 'the stand-in called our IPN, which captured the payment'
        with(PaymentsDb.session(tx, session.txn_ref as String)) {
            state == 'SUCCEEDED'
            provider_response_code == '00'
            provider_bank_code == 'NCB'
            provider_transaction_no ==~ /[0-9]{8}/
        }
        PaymentsDb.events(tx, json, session.id as String)*.type == ['PaymentSessionOpened', 'PaymentSucceeded']
        PaymentsDb.notifications(tx, session.txn_ref as String)*.subMap(['signature_valid', 'answer_code']) ==
                [[signature_valid: true, answer_code: '00']]

        and: 'the browser goes to our return URL with the same signed result, which shows the success'
        paid.statusCode() == 302
        def location = paid.headers().firstValue('Location').get()
        location.startsWith("$base/payments/vnpay/return?")
        VnPayRequests.parse(location.split('\\?', 2)[1]).subMap(['vnp_TxnRef', 'vnp_Amount', 'vnp_ResponseCode']) ==
                [vnp_TxnRef: session.txn_ref, vnp_Amount: '69000000', vnp_ResponseCode: '00']
        get(location).body().contains('Thanh toán thành công')

        and: 'the link cannot be used twice'
        get(payLink).statusCode() == 404
    }

    def "cancelling on the stand-in fails the session with VNPay code 24"() {
        given:
        def session = openSession()
        def page = get(session.pay_url as String)
        def cancelLink = (page.body() =~ /id="cancel" class="button" href="([^"]+)"/)[0][1] as String

        when:
        def cancelled = get(cancelLink)

        then:
        cancelled.statusCode() == 302
        with(PaymentsDb.session(tx, session.txn_ref as String)) {
            state == 'FAILED'
            provider_response_code == '24'
        }
        PaymentsDb.events(tx, json, session.id as String).last() == [type: 'PaymentFailed', data: [
                sessionId : session.id, checkoutId: session.checkout_id, method: 'VNPAY', reasonCode: '24',
                reason    : 'Customer cancelled the transaction']]
        get(cancelled.headers().firstValue('Location').get()).body().contains('Khách hàng hủy giao dịch')
    }

    def "the stand-in refuses a pay URL whose #problem, as VNPay would"() {
        given:
        def session = openSession()

        when:
        def page = get(tamper(session.pay_url as String))

        then:
        page.statusCode() == 400
        page.body().contains(refusal)
        !page.headers().firstValue('Link').present
        PaymentsDb.session(tx, session.txn_ref as String).state == 'OPEN'

        where:
        problem                  | tamper                                                              || refusal
        'amount was changed'     | { String u -> u.replace('vnp_Amount=69000000', 'vnp_Amount=1000') } || 'Sai chữ ký.'
        'signature was dropped'  | { String u -> u.replaceAll(/&vnp_SecureHash=[0-9a-f]+/, '') }      || 'Sai chữ ký.'
        'parameter was repeated' | { String u -> u + '&vnp_TxnRef=X' }                                 || 'không đúng định dạng'
    }

    /** Opens a session through the service's own CheckoutAwaitingPayment handler, as the consumer would. */
    private Map openSession() {
        def checkout = new CheckoutAwaitingPayment(Ids.newId(), 'CK-STANDIN1', Ids.newId(), PaymentMethod.VNPAY, 690_000,
                Instant.now().plus(10, ChronoUnit.MINUTES), '127.0.0.1')
        def envelope = new EventEnvelope(Ids.newId(), CheckoutAwaitingPayment.TYPE, 1, Instant.now(), checkout.checkoutId().toString(),
                null, json.writeValueToTree(checkout))
        def handler = server.applicationContext.getBeansOfType(EventHandler).find { it.type() == CheckoutAwaitingPayment.TYPE }
        tx.executeWrite { handler.handle(checkout, envelope) }
        Infra.rows(tx, 'SELECT * FROM payment_sessions WHERE checkout_id = ?', [checkout.checkoutId().toString()]).first()
    }

    private HttpResponse<String> get(String url) {
        http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString())
    }

    private static String linkHeader(HttpResponse<String> page) {
        def header = page.headers().firstValue('Link').orElseThrow()
        assert header ==~ /<[^>]+>; rel="payment"/
        header.substring(1, header.indexOf('>'))
    }

    private static int freePort() {
        new ServerSocket(0).withCloseable { it.localPort }
    }
}
