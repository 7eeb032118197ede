package vn.ocop.payments.vnpay

import io.micronaut.context.annotation.Property
import io.micronaut.http.HttpRequest
import io.micronaut.http.HttpResponse
import io.micronaut.http.client.HttpClient
import io.micronaut.http.client.annotation.Client
import io.micronaut.http.client.exceptions.HttpClientResponseException
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import io.micronaut.transaction.TransactionOperations
import jakarta.inject.Inject
import java.sql.Connection
import spock.lang.Specification
import vn.ocop.payments.PaymentsDb
import vn.ocop.payments.session.PaymentSession
import vn.ocop.payments.session.PaymentSessions
import vn.ocop.platform.Infra

/** The page the buyer's browser returns to from VNPay: it shows the signed outcome and changes nothing. */
@MicronautTest(transactional = false)
@Property(name = 'spec.name', value = 'VnPayReturnSpec')
class VnPayReturnSpec extends Specification {

    @Inject TransactionOperations<Connection> tx
    @Inject PaymentSessions sessions
    @Inject @Client('/') HttpClient client

    PaymentSession session

    def setup() {
        PaymentsDb.clean(tx)
        session = sessions.save(PaymentsDb.openSession(checkoutNumber: 'CK-7Q4M2X9P', amountVnd: 690_000))
    }

    def "a #outcome return shows #title (lang=#lang) and changes nothing"() {
        when:
        def response = page(VnPayRequests.signed(VnPayRequests.ipn(session.txnRef(), 690_000, [vnp_ResponseCode: code])) + lang)

        then:
        response.status().code == 200
        response.contentType.get().toString().startsWith('text/html')
        response.body().contains(title)
        response.body().contains('CK-7Q4M2X9P')
        response.body().contains(amount)
        response.body().contains(detail)
        nothingChanged()

        where:
        outcome     | code | lang       || title                         | amount        | detail
        'paid'      | '00' | ''         || 'Thanh toán thành công'       | '690.000 ₫'   | 'VNPay báo đơn hàng CK-7Q4M2X9P đã được'
        'paid'      | '00' | '&lang=en' || 'Payment successful'          | '690,000 VND' | 'VNPay reports that order CK-7Q4M2X9P was paid'
        'cancelled' | '24' | ''         || 'Thanh toán không thành công' | '690.000 ₫'   | 'Khách hàng hủy giao dịch'
        'cancelled' | '24' | '&lang=en' || 'Payment not completed'       | '690,000 VND' | 'Customer cancelled the transaction'
    }

    def "a return whose #problem cannot be verified says so, with status 400, and changes nothing"() {
        when:
        def response = page(query(session.txnRef()))

        then:
        response.status().code == 400
        response.body().contains('Không xác nhận được kết quả thanh toán')
        !response.body().contains('thành công')
        nothingChanged()

        where:
        problem               | query
        'signature'           | { String ref -> VnPayRequests.signed(VnPayRequests.ipn(ref, 690_000), 'not-our-secret') }
        'terminal code'       | { String ref -> VnPayRequests.signed(VnPayRequests.ipn(ref, 690_000, [vnp_TmnCode: 'OTHER001'])) }
        'missing signature'   | { String ref -> VnPayRequests.query(VnPayRequests.ipn(ref, 690_000)) }
    }

    def "text from the return parameters is escaped in the page"() {
        when:
        def response = page(VnPayRequests.signed(VnPayRequests.ipn('<b>unknown</b>', 690_000, [vnp_ResponseCode: '24'])))

        then:
        response.status().code == 200
        response.body().contains('&lt;b&gt;unknown&lt;/b&gt;')
        !response.body().contains('<b>unknown')
    }

    def "the VNPay stand-in is not served unless enabled"() {
        when:
        def response = page(VnPayRequests.signed(VnPayRequests.ipn(session.txnRef(), 690_000)), '/vnpay-standin/paymentv2/vpcpay.html')

        then:
        response.status().code in [401, 404]
    }

    private HttpResponse<String> page(String query, String path = '/payments/vnpay/return') {
        try {
            client.toBlocking().exchange(HttpRequest.GET(path + '?' + query), String)
        } catch (HttpClientResponseException e) {
            e.response as HttpResponse<String>
        }
    }

    private boolean nothingChanged() {
        assert PaymentsDb.session(tx, session.txnRef()).state == 'OPEN'
        assert Infra.count(tx, 'SELECT COUNT(*) FROM outbox') == 0
        assert Infra.count(tx, 'SELECT COUNT(*) FROM provider_notifications') == 0
        true
    }
}
