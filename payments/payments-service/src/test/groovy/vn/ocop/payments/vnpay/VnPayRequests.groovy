package vn.ocop.payments.vnpay

import java.nio.charset.StandardCharsets
import javax.crypto.Mac
import javax.crypto.spec.SecretKeySpec

/**
 * Requests signed the way VNPay signs them (DOMAIN.md section 3), written here independently of the service's
 * signer: vnp_* parameters with a value, sorted, URLEncoder-encoded in US-ASCII, joined with '&', HMAC-SHA512, hex.
 */
class VnPayRequests {

    static final String SECRET = 'test-only-vnpay-secret-for-the-payments-specs'
    static final String TMN_CODE = 'OCOPTEST'

    static String hmacSha512(String secret, String data) {
        Mac mac = Mac.getInstance('HmacSHA512')
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), 'HmacSHA512'))
        mac.doFinal(data.getBytes(StandardCharsets.UTF_8)).encodeHex().toString()
    }

    static String query(Map<String, String> params) {
        params.findAll { k, v -> v }.sort { it.key }.collect { k, v ->
            URLEncoder.encode(k, StandardCharsets.US_ASCII) + '=' + URLEncoder.encode(v, StandardCharsets.US_ASCII)
        }.join('&')
    }

    static String signed(Map<String, String> params, String secret = SECRET) {
        String data = query(params)
        data + '&vnp_SecureHash=' + hmacSha512(secret, data)
    }

    /** The IPN VNPay sends for a payment of {@code amountVnd} under our reference {@code txnRef}, paid unless overridden. */
    static Map<String, String> ipn(String txnRef, long amountVnd, Map<String, String> overrides = [:]) {
        [vnp_TmnCode          : TMN_CODE,
         vnp_Amount           : (amountVnd * 100).toString(),
         vnp_BankCode         : 'NCB',
         vnp_BankTranNo       : 'VNP14422574',
         vnp_CardType         : 'ATM',
         vnp_PayDate          : '20261120102210',
         vnp_OrderInfo        : 'Thanh toan don hang CK-7Q4M2X9P',
         vnp_TransactionNo    : '14422574',
         vnp_ResponseCode     : '00',
         vnp_TransactionStatus: '00',
         vnp_TxnRef           : txnRef] + overrides
    }

    /** The fields a refund request signs, in VNPay's order (DOMAIN.md section 3). */
    static final List<String> REFUND_FIELDS = ['vnp_RequestId', 'vnp_Version', 'vnp_Command', 'vnp_TmnCode', 'vnp_TransactionType',
                                               'vnp_TxnRef', 'vnp_Amount', 'vnp_TransactionNo', 'vnp_TransactionDate', 'vnp_CreateBy',
                                               'vnp_CreateDate', 'vnp_IpAddr', 'vnp_OrderInfo']

    /** The fields a refund answer signs: querydr's answer fields without the two promotion ones. */
    static final List<String> REFUND_ANSWER_FIELDS = ['vnp_ResponseId', 'vnp_Command', 'vnp_ResponseCode', 'vnp_Message',
                                                      'vnp_TmnCode', 'vnp_TxnRef', 'vnp_Amount', 'vnp_BankCode', 'vnp_PayDate',
                                                      'vnp_TransactionNo', 'vnp_TransactionType', 'vnp_TransactionStatus',
                                                      'vnp_OrderInfo']

    /** The fields a querydr answer signs, in VNPay's order (DOMAIN.md section 3). */
    static final List<String> QUERY_ANSWER_FIELDS = REFUND_ANSWER_FIELDS + ['vnp_PromotionCode', 'vnp_PromotionAmount']

    /** The fields a querydr request signs, in VNPay's order (DOMAIN.md section 3). */
    static final List<String> QUERY_FIELDS = ['vnp_RequestId', 'vnp_Version', 'vnp_Command', 'vnp_TmnCode', 'vnp_TxnRef',
                                              'vnp_TransactionDate', 'vnp_CreateDate', 'vnp_IpAddr', 'vnp_OrderInfo']

    /** A querydr request signed as a merchant signs it, about the payment {@code txnRef} created at {@code transactionDate}. */
    static Map<String, String> queryRequest(String txnRef, String transactionDate, Map<String, String> overrides = [:],
                                            String secret = SECRET) {
        Map<String, String> body = [vnp_RequestId      : 'SPEC' + UUID.randomUUID().toString().replace('-', '').take(20),
                                    vnp_Version        : '2.1.0',
                                    vnp_Command        : 'querydr',
                                    vnp_TmnCode        : TMN_CODE,
                                    vnp_TxnRef         : txnRef,
                                    vnp_TransactionDate: transactionDate,
                                    vnp_CreateDate     : '20261120110000',
                                    vnp_IpAddr         : '127.0.0.1',
                                    vnp_OrderInfo      : 'Kiem tra giao dich CK-7Q4M2X9P'] + overrides
        body + [vnp_SecureHash: pipeHash(body, QUERY_FIELDS, secret)]
    }

    /** The merchant API's signature: HMAC-SHA512 of the raw values joined by '|', absent ones empty. */
    static String pipeHash(Map<String, ?> body, List<String> fields, String secret = SECRET) {
        hmacSha512(secret, fields.collect { body[it] == null ? '' : body[it].toString() }.join('|'))
    }

    /** A refund request signed as a merchant signs it, for {@code amountVnd} of a captured payment, unless overridden. */
    static Map<String, String> refundRequest(String txnRef, long amountVnd, String transactionNo, String transactionDate,
                                             Map<String, String> overrides = [:], String secret = SECRET) {
        Map<String, String> body = [vnp_RequestId      : 'SPEC' + UUID.randomUUID().toString().replace('-', '').take(20),
                                    vnp_Version        : '2.1.0',
                                    vnp_Command        : 'refund',
                                    vnp_TmnCode        : TMN_CODE,
                                    vnp_TransactionType: '03',
                                    vnp_TxnRef         : txnRef,
                                    vnp_Amount         : (amountVnd * 100).toString(),
                                    vnp_TransactionNo  : transactionNo,
                                    vnp_TransactionDate: transactionDate,
                                    vnp_CreateBy       : 'spec',
                                    vnp_CreateDate     : '20261120110000',
                                    vnp_IpAddr         : '127.0.0.1',
                                    vnp_OrderInfo      : 'Hoan tien don hang CK-7Q4M2X9P'] + overrides
        body + [vnp_SecureHash: pipeHash(body, REFUND_FIELDS, secret)]
    }

    static Map<String, String> parse(String query) {
        query.split('&').collectEntries { pair ->
            def (name, value) = pair.split('=', 2).toList()
            [(URLDecoder.decode(name, StandardCharsets.UTF_8)): URLDecoder.decode(value ?: '', StandardCharsets.UTF_8)]
        }
    }
}
