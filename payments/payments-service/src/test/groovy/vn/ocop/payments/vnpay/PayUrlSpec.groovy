package vn.ocop.payments.vnpay

import java.time.Clock
import java.time.Duration
import java.time.Instant
import java.time.ZoneOffset
import spock.lang.Specification
import vn.ocop.payments.api.PaymentMethod
import vn.ocop.payments.api.PaymentSessionOpened
import vn.ocop.payments.session.NewSession
import vn.ocop.platform.event.Ids

/** The pay URL a VNPay session sends the buyer to: every parameter of 2.1.0, signed. */
class PayUrlSpec extends Specification {

    static final String PAY_URL = 'https://sandbox.vnpayment.vn/paymentv2/vpcpay.html'
    static final String RETURN_URL = 'https://cho.ocop.example/payments/vnpay/return'

    /** 10:20 in Vietnam. */
    Clock clock = Clock.fixed(Instant.parse('2026-11-20T03:20:00Z'), ZoneOffset.UTC)
    def gateway = new VnPayGateway(new VnPayConfiguration(VnPayRequests.TMN_CODE, VnPayRequests.SECRET, PAY_URL, RETURN_URL,
            '10.0.0.1'), new VnPaySigner(VnPayRequests.SECRET))

    def "the pay URL carries every VNPay 2.1.0 parameter, with dates in Vietnam's time"() {
        when:
        def action = gateway.actionFor(session('CK-7Q4M2X9P', 690_000, '113.161.72.10'))
        def (base, query) = action.url().split('\\?', 2).toList()
        def params = VnPayRequests.parse(query)

        then:
        action.kind() == PaymentSessionOpened.Kind.REDIRECT
        base == PAY_URL
        params.findAll { it.key != 'vnp_SecureHash' } == [
                vnp_Amount    : '69000000',
                vnp_Command   : 'pay',
                vnp_CreateDate: '20261120102000',
                vnp_CurrCode  : 'VND',
                vnp_ExpireDate: '20261120103500',
                vnp_IpAddr    : '113.161.72.10',
                vnp_Locale    : 'vn',
                vnp_OrderInfo : 'Thanh toan don hang CK-7Q4M2X9P',
                vnp_OrderType : 'other',
                vnp_ReturnUrl : RETURN_URL,
                vnp_TmnCode   : 'OCOPTEST',
                vnp_TxnRef    : 'REF0000000000001',
                vnp_Version   : '2.1.0']
        !params.containsKey('vnp_SecureHashType')

        and: 'the query is the hash data, sorted by name, followed by its signature'
        query == VnPayRequests.signed(params.findAll { it.key != 'vnp_SecureHash' })
        params.keySet().toList() == params.keySet().findAll { it != 'vnp_SecureHash' }.sort() + ['vnp_SecureHash']
    }

    def "the order info of checkout #number is ASCII: #orderInfo"() {
        expect:
        orderInfo(gateway.actionFor(session(number, 10_000, null)).url()) == orderInfo

        where:
        number                || orderInfo
        'CK-7Q4M2X9P'         || 'Thanh toan don hang CK-7Q4M2X9P'
        'ĐH Sóc Trăng/01'     || 'Thanh toan don hang DH Soc Trang/01'
        'Gạo ST25 – 5 kg'     || 'Thanh toan don hang Gao ST25  5 kg'
    }

    def "the buyer's address #ip is sent as #sent"() {
        expect:
        VnPayRequests.parse(gateway.actionFor(session('CK-1', 10_000, ip)).url().split('\\?', 2)[1]).vnp_IpAddr == sent

        where:
        ip                     || sent
        '113.161.72.10'        || '113.161.72.10'
        '2001:ee0:4f0c::1'     || '2001:ee0:4f0c::1'
        null                   || '10.0.0.1'
        ''                     || '10.0.0.1'
        '<script>'             || '10.0.0.1'
    }

    private NewSession session(String checkoutNumber, long amountVnd, String buyerIp) {
        new NewSession(Ids.newId(), Ids.newId(), checkoutNumber, PaymentMethod.VNPAY, amountVnd, 'REF0000000000001', buyerIp,
                clock.instant(), clock.instant() + Duration.ofMinutes(15))
    }

    private static String orderInfo(String url) {
        VnPayRequests.parse(url.split('\\?', 2)[1]).vnp_OrderInfo
    }
}
