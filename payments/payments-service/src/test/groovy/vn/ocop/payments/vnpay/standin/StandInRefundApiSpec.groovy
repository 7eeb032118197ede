package vn.ocop.payments.vnpay.standin

import io.micronaut.context.ApplicationContext
import io.micronaut.json.JsonMapper
import io.micronaut.runtime.server.EmbeddedServer
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import vn.ocop.payments.vnpay.VnPayRequests

/**
 * The stand-in's merchant API for refunds, driven over HTTP with requests signed as a merchant signs them (the
 * signatures here are computed independently of the service's signer), and its answers checked the same way.
 */
class StandInRefundApiSpec extends Specification {

    static final String PAID_AT = '20261120102210'

    @Shared String base = "http://127.0.0.1:${freePort()}"
    @Shared @AutoCleanup EmbeddedServer server = ApplicationContext.run(EmbeddedServer, [
            'spec.name'                                : 'StandInRefundApiSpec',
            'micronaut.server.port'                    : URI.create(base).port,
            'ocop.events.consumer.enabled'             : 'false',
            'ocop.payments.refunds.worker.enabled'     : 'false',
            'ocop.vnpay.pay-url'                       : "$base/vnpay-standin/paymentv2/vpcpay.html".toString(),
            'ocop.vnpay.standin.enabled'               : 'true',
            'ocop.vnpay.standin.ipn-url'               : "$base/payments/vnpay/ipn".toString()], 'test')
    @Shared JsonMapper json = server.applicationContext.getBean(JsonMapper)
    @Shared HttpClient http = HttpClient.newHttpClient()
    @Shared StandInTransactions transactions = server.applicationContext.getBean(StandInTransactions)

    String txnRef

    def setup() {
        txnRef = 'T' + UUID.randomUUID().toString().replace('-', '').take(15).toUpperCase()
        transactions.captured(txnRef, 690_000, '14422574', PAID_AT, 'NCB', '20261120101500')
    }

    def "a signed partial refund within the payment is carried out and answered 00, signed"() {
        when:
        def answer = post(VnPayRequests.refundRequest(txnRef, 400_000, '14422574', PAID_AT))

        then:
        answer.vnp_ResponseCode == '00'
        answer.vnp_Command == 'refund'
        answer.vnp_TmnCode == 'OCOPTEST'
        answer.vnp_TxnRef == txnRef
        answer.vnp_Amount == '40000000'
        answer.vnp_TransactionType == '03'
        answer.vnp_TransactionNo ==~ /[0-9]{8}/
        answer.vnp_SecureHash == VnPayRequests.pipeHash(answer, VnPayRequests.REFUND_ANSWER_FIELDS)
        transactions.refundedVnd(txnRef) == 400_000

        when: 'the rest is refunded by a second request'
        def rest = post(VnPayRequests.refundRequest(txnRef, 290_000, '14422574', PAID_AT))

        then:
        rest.vnp_ResponseCode == '00'
        transactions.refundedVnd(txnRef) == 690_000

        when: 'one dong more'
        def more = post(VnPayRequests.refundRequest(txnRef, 1, '14422574', PAID_AT))

        then:
        more.vnp_ResponseCode == '03'
        transactions.refundedVnd(txnRef) == 690_000
    }

    def "a refund request with #problem is answered #code, signed, and refunds nothing"() {
        given:
        def body = tamper(VnPayRequests.refundRequest(txnRef, 690_000, '14422574', PAID_AT, [vnp_TransactionType: '02']))

        when:
        def answer = post(body)

        then:
        answer.vnp_ResponseCode == code
        answer.vnp_SecureHash == VnPayRequests.pipeHash(answer, VnPayRequests.REFUND_ANSWER_FIELDS)
        transactions.refundedVnd(txnRef) == 0

        where:
        problem                            | tamper                                                                                     || code
        'a signature by another secret'    | { Map b -> VnPayRequests.refundRequest(b.vnp_TxnRef, 690_000, '14422574', PAID_AT, [:], 'not-our-secret') } || '97'
        'its amount changed after signing' | { Map b -> b + [vnp_Amount: '69100000'] }                                                  || '97'
        'its hash changed'                 | { Map b -> b + [vnp_SecureHash: b.vnp_SecureHash.reverse()] }                             || '97'
        'no signature'                     | { Map b -> b.findAll { it.key != 'vnp_SecureHash' } }                                      || '97'
        'another merchant\'s terminal'      | { Map b -> resign(b + [vnp_TmnCode: 'OTHER001']) }                                         || '02'
        'an unknown reference'             | { Map b -> resign(b + [vnp_TxnRef: 'NOSUCHREF0000001']) }                                  || '91'
        'another transaction number'       | { Map b -> resign(b + [vnp_TransactionNo: '14422575']) }                                   || '91'
        'another payment date'             | { Map b -> resign(b + [vnp_TransactionDate: '20261120102211']) }                           || '91'
        'an amount above the payment'      | { Map b -> resign(b + [vnp_Amount: '69000100', vnp_TransactionType: '03']) }               || '03'
        'a full refund of part of it'      | { Map b -> resign(b + [vnp_Amount: '100000']) }                                            || '03'
        'an amount in fractions of a dong' | { Map b -> resign(b + [vnp_Amount: '69000050']) }                                          || '03'
        'a type neither full nor partial'  | { Map b -> resign(b + [vnp_TransactionType: '04']) }                                       || '03'
        'a command the API does not serve' | { Map b -> resign(b + [vnp_Command: 'pay']) }                                              || '03'
        'version 2.0.0'                    | { Map b -> resign(b + [vnp_Version: '2.0.0']) }                                            || '03'
        'no request id'                    | { Map b -> resign(b.findAll { it.key != 'vnp_RequestId' }) }                               || '03'
        'an unreadable payment date'       | { Map b -> resign(b + [vnp_TransactionDate: '2026-11-20']) }                               || '03'
    }

    def "a request id used once today is answered 94 the second time, and refunds once"() {
        given:
        def body = VnPayRequests.refundRequest(txnRef, 100_000, '14422574', PAID_AT)

        expect:
        post(body).vnp_ResponseCode == '00'
        post(body).vnp_ResponseCode == '94'
        transactions.refundedVnd(txnRef) == 100_000

        and: 'a new request id for the same refund is a new request'
        post(resign(body + [vnp_RequestId: body.vnp_RequestId + 'B'])).vnp_ResponseCode == '00'
        transactions.refundedVnd(txnRef) == 200_000
    }

    private static Map<String, String> resign(Map<String, String> body) {
        body + [vnp_SecureHash: VnPayRequests.pipeHash(body, VnPayRequests.REFUND_FIELDS)]
    }

    private Map post(Map body) {
        def response = http.send(HttpRequest.newBuilder(URI.create("$base/vnpay-standin/merchant_webapi/api/transaction"))
                .header('Content-Type', 'application/json')
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString())
        assert response.statusCode() == 200
        json.readValue(response.body(), Map)
    }

    private static int freePort() {
        new ServerSocket(0).withCloseable { it.localPort }
    }
}
