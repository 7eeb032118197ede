package vn.ocop.payments.vnpay

import io.micronaut.json.JsonMapper
import spock.lang.Shared
import spock.lang.Specification

/** The merchant API's JSON as VNPay names it, and where the API is. */
class VnPayApiAnswerSpec extends Specification {

    @Shared JsonMapper json = JsonMapper.createDefault()

    def "a refund request is written with VNPay's field names, every value as text"() {
        given:
        def request = new VnPayRefundRequest('R1', '2.1.0', 'refund', 'OCOPTEST', '02', 'T5', '69000000', '14422574',
                '20261120102210', 'ocop-payments', '20261120110000', '127.0.0.1', 'Hoan tien don hang CK-1', null)
                .signedWith(new VnPaySigner(VnPayRequests.SECRET))

        when:
        Map written = json.readValue(json.writeValueAsString(request), Map)

        then:
        written == [vnp_RequestId      : 'R1', vnp_Version: '2.1.0', vnp_Command: 'refund', vnp_TmnCode: 'OCOPTEST',
                    vnp_TransactionType: '02', vnp_TxnRef: 'T5', vnp_Amount: '69000000', vnp_TransactionNo: '14422574',
                    vnp_TransactionDate: '20261120102210', vnp_CreateBy: 'ocop-payments', vnp_CreateDate: '20261120110000',
                    vnp_IpAddr         : '127.0.0.1', vnp_OrderInfo: 'Hoan tien don hang CK-1',
                    vnp_SecureHash     : VnPayRequests.pipeHash(written, VnPayRequests.REFUND_FIELDS)]
    }

    def "an answer is read with numbers as their digits and unknown fields ignored"() {
        when:
        def answer = json.readValue('{"vnp_ResponseId":"4f3a","vnp_Command":"refund","vnp_ResponseCode":"00",' +
                '"vnp_Message":"Refund success","vnp_TmnCode":"OCOPTEST","vnp_TxnRef":"T5","vnp_Amount":69000000,' +
                '"vnp_TransactionNo":14422999,"vnp_TransactionType":"02","vnp_SomethingNew":"x","vnp_SecureHash":"ab"}',
                VnPayApiAnswer)

        then:
        answer.amount() == '69000000'
        answer.transactionNo() == '14422999'
        answer.refundHashFields() == ['4f3a', 'refund', '00', 'Refund success', 'OCOPTEST', 'T5', '69000000', null, null,
                                      '14422999', '02', null, null]
        answer.secureHash() == 'ab'
    }

    def "the API URL is #expected when it is set to '#url' and payments go to #payUrl"() {
        expect:
        new VnPayApiConfiguration(url, 'ocop', null).endpoint(payUrl) == URI.create(expected)

        where:
        url                                                           | payUrl                                                         || expected
        null                                                          | 'https://sandbox.vnpayment.vn/paymentv2/vpcpay.html'           || 'https://sandbox.vnpayment.vn/merchant_webapi/api/transaction'
        ''                                                            | 'http://127.0.0.1:8084/vnpay-standin/paymentv2/vpcpay.html'    || 'http://127.0.0.1:8084/vnpay-standin/merchant_webapi/api/transaction'
        'https://api.example.vn/merchant_webapi/api/transaction'      | 'https://pay.example.vn/vpcpay.html'                           || 'https://api.example.vn/merchant_webapi/api/transaction'
    }

    def "an API URL that cannot be derived from the pay URL must be set"() {
        when:
        new VnPayApiConfiguration(' ', 'ocop', null).endpoint('https://pay.example.vn/vpcpay.html')

        then:
        def e = thrown(IllegalStateException)
        e.message.contains('OCOP_VNPAY_API_URL')
    }
}
