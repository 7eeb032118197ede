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

    static Map<String, String> parse(String query) {
        query.split('&').collectEntries { pair ->
            def (name, value) = pair.split('=', 2).toList()
            [(URLDecoder.decode(name, StandardCharsets.UTF_8)): URLDecoder.decode(value ?: '', StandardCharsets.UTF_8)]
        }
    }
}
