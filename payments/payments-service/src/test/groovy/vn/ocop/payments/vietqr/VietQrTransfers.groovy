package vn.ocop.payments.vietqr

import io.micronaut.http.HttpRequest
import io.micronaut.http.MediaType
import io.micronaut.json.JsonMapper
import java.nio.charset.StandardCharsets

/** Bank transfer notifications as a configured source sends them (application-test.yml's sources and account). */
class VietQrTransfers {

    static final String SOURCE = 'bank'
    static final String SECRET = 'test-only-vietqr-bank-secret'
    static final String OTHER_SOURCE = 'casso'
    static final String OTHER_SECRET = 'test-only-vietqr-aggregator-secret'
    static final String ACCOUNT = '0011001932418'
    private static final JsonMapper JSON = JsonMapper.createDefault()

    /** A credit of {@code amountVnd} to the collection account with {@code description}, as JSON. */
    static String notice(String transactionId, long amountVnd, String description, Map<String, Object> overrides = [:]) {
        JSON.writeValueAsString([transactionId       : transactionId,
                           amount              : amountVnd,
                           description         : description,
                           accountNumber       : ACCOUNT,
                           transferredAt       : '2026-11-23T09:15:02+07:00',
                           counterAccountNumber: '19036054321012',
                           counterAccountName  : 'NGUYỄN VĂN AN',
                           counterBank         : 'Techcombank'] + overrides)
    }

    /** The description a buyer's banking app sends for a session's QR code (the app adds its own text). */
    static String description(String txnRef) {
        "MBVCB.8123456.OCOP ${txnRef}.CT tu 19036054321012 NGUYEN VAN AN toi 0011001932418"
    }

    static HttpRequest<byte[]> signed(String body, String source = SOURCE, String secret = SECRET) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8)
        request(bytes, source, NotificationSignatures.signature(secret, bytes))
    }

    static HttpRequest<byte[]> request(byte[] body, String source, String signature) {
        def request = HttpRequest.POST('/payments/vietqr/notifications', body).contentType(MediaType.APPLICATION_JSON_TYPE)
        if (source != null) {
            request.header(BankNotificationController.SOURCE, source)
        }
        if (signature != null) {
            request.header(BankNotificationController.SIGNATURE, signature)
        }
        request
    }
}
