package vn.ocop.deploy

import io.micronaut.http.HttpRequest
import io.micronaut.http.MediaType
import io.micronaut.json.JsonMapper
import java.net.http.HttpClient
import java.net.http.HttpResponse
import java.nio.charset.StandardCharsets
import java.time.OffsetDateTime
import java.time.ZoneId
import java.time.format.DateTimeFormatter
import java.util.concurrent.atomic.AtomicLong
import javax.crypto.Mac
import javax.crypto.spec.SecretKeySpec

/**
 * How each payment provider tells the payments service that a buyer paid, built from what the buyer was shown (the pay
 * URL, the VietQR code, the card page) and signed as the provider signs, with the development secrets the scenarios'
 * services run with: VNPay's IPN (API 2.1.0, HMAC-SHA512 over the sorted, form-encoded {@code vnp_*} parameters), a
 * bank's VietQR credit notification (HMAC-SHA256 of the raw JSON body), and a card payment confirmed at the payments
 * service's Stripe stand-in as Stripe.js confirms it (the stand-in then posts Stripe's signed webhook).
 */
class ProviderCallbacks {

    static final ZoneId VIETNAM = ZoneId.of('Asia/Ho_Chi_Minh')
    /** payments' development defaults (application.yml): ocop.vnpay.hash-secret and ocop.vietqr.sources.bank.secret. */
    static final String VNPAY_HASH_SECRET = 'DEVELOPMENT-ONLY-vnpay-hash-secret'
    static final String VIETQR_SOURCE = 'bank'
    static final String VIETQR_SECRET = 'DEVELOPMENT-ONLY-vietqr-bank-notification-secret'
    /** The Stripe stand-in's test card that succeeds. */
    static final String STRIPE_TEST_CARD = 'pm_card_visa'

    private static final DateTimeFormatter PAY_DATE = DateTimeFormatter.ofPattern('yyyyMMddHHmmss').withZone(VIETNAM)
    private static final AtomicLong NUMBERS = new AtomicLong(20_000_000L + System.currentTimeMillis().intdiv(1000) % 70_000_000L * 10)

    private final Api api
    private final URI payments
    private final HttpClient http = HttpClient.newHttpClient()
    private final JsonMapper json = JsonMapper.createDefault()

    ProviderCallbacks(Api api) {
        this.api = api
        this.payments = api.urls().payments()
    }

    /** VNPay's IPN of a successful payment of the pay URL's order, as VNPay sends it; returns VNPay's answer. */
    Api.Response vnpayPaid(String payUrl) {
        Map<String, String> pay = query(URI.create(payUrl).rawQuery)
        long number = NUMBERS.incrementAndGet()
        Map<String, String> ipn = [vnp_TmnCode  : pay.vnp_TmnCode, vnp_TxnRef: pay.vnp_TxnRef, vnp_Amount: pay.vnp_Amount,
                                   vnp_OrderInfo: pay.vnp_OrderInfo, vnp_BankCode: 'NCB', vnp_BankTranNo: "VNP$number".toString(),
                                   vnp_CardType : 'ATM', vnp_PayDate: PAY_DATE.format(java.time.Instant.now()),
                                   vnp_TransactionNo: number as String, vnp_ResponseCode: '00', vnp_TransactionStatus: '00']
        String data = vnpayHashData(ipn)
        api.get(payments, '/payments/vnpay/ipn?' + data + '&vnp_SecureHash=' + hex('HmacSHA512', VNPAY_HASH_SECRET,
                data.getBytes(StandardCharsets.UTF_8)), null)
    }

    /** VNPay 2.1.0's hash data: non-empty vnp_* parameters but the hash, sorted, form-encoded in US-ASCII, joined by &. */
    static String vnpayHashData(Map<String, String> params) {
        Map<String, String> signed = params.findAll { k, v -> k.startsWith('vnp_') && v && !(k in ['vnp_SecureHash', 'vnp_SecureHashType']) }
        new TreeMap<String, String>(signed)
                .collect { k, v -> URLEncoder.encode(k, StandardCharsets.US_ASCII) + '=' + URLEncoder.encode(v, StandardCharsets.US_ASCII) }
                .join('&')
    }

    /**
     * The bank's notification that {@code amountVnd} arrived on the account a VietQR code names, with the code's purpose
     * as the transfer's description (a banking app copies it, here with the app's own words around it).
     */
    Api.Response vietQrTransfer(Map<String, String> qr, long amountVnd, String transactionId) {
        Map notice = [transactionId       : transactionId, amount: amountVnd,
                      description         : "MBVCB.1234.${qr.purpose}.CT tu 0987000001".toString(),
                      accountNumber       : qr.accountNumber, transferredAt: OffsetDateTime.now(VIETNAM).withNano(0).toString(),
                      counterAccountNumber: '19036054321012', counterAccountName: 'NGUYEN THI MAI', counterBank: 'Techcombank']
        byte[] body = json.writeValueAsBytes(notice)
        api.send(payments, HttpRequest.POST('/payments/vietqr/notifications', body).contentType(MediaType.APPLICATION_JSON_TYPE)
                .header('X-VietQR-Source', VIETQR_SOURCE).header('X-VietQR-Signature', hex('HmacSHA256', VIETQR_SECRET, body)), null)
    }

    /**
     * Reads a VietQR (EMVCo merchant-presented) payload as a banking app does: the bank BIN and account of field 38, the
     * amount of field 54 and the purpose of field 62/08; and checks its CRC-16/CCITT-FALSE.
     */
    static Map<String, String> readVietQr(String payload) {
        Map<String, String> top = tlv(payload)
        assert crc16(payload.substring(0, payload.length() - 4)) == top['63']: "VietQR CRC of $payload"
        Map<String, String> account = tlv(tlv(top['38'])['01'])
        [bin: account['00'], accountNumber: account['01'], amount: top['54'], purpose: tlv(top['62'])['08']]
    }

    private static Map<String, String> tlv(String text) {
        Map<String, String> fields = [:]
        int at = 0
        while (at + 4 <= text.length()) {
            int length = text.substring(at + 2, at + 4) as int
            fields[text.substring(at, at + 2)] = text.substring(at + 4, at + 4 + length)
            at += 4 + length
        }
        fields
    }

    private static String crc16(String data) {
        int crc = 0xFFFF
        for (byte b : data.getBytes(StandardCharsets.UTF_8)) {
            crc ^= (b & 0xFF) << 8
            8.times { crc = (crc & 0x8000) ? ((crc << 1) ^ 0x1021) & 0xFFFF : (crc << 1) & 0xFFFF }
        }
        String.format('%04X', crc) + ''
    }

    /**
     * Pays a CARD session as the buyer does: opens the card page (payments creates the PaymentIntent at Stripe, here its
     * stand-in), and confirms the intent with a test card as Stripe.js does from the browser, with the publishable key and
     * the client secret the page carries. Stripe (the stand-in) then posts its signed payment_intent.succeeded webhook.
     */
    Map cardPaid(String cardPageUrl) {
        def page = http.send(java.net.http.HttpRequest.newBuilder(URI.create(cardPageUrl)).build(), HttpResponse.BodyHandlers.ofString())
        assert page.statusCode() == 200: "card page $cardPageUrl: HTTP ${page.statusCode()}"
        String secret = (page.body() =~ /data-client-secret="([^"]+)"/)[0][1]
        String publishable = (page.body() =~ /data-publishable-key="([^"]+)"/)[0][1]
        String intent = secret.substring(0, secret.indexOf('_secret_'))
        String form = "payment_method=${URLEncoder.encode(STRIPE_TEST_CARD, 'UTF-8')}&client_secret=${URLEncoder.encode(secret, 'UTF-8')}"
        def confirm = payments.resolve("/stripe-standin/v1/payment_intents/$intent/confirm")
        def confirmed = http.send(java.net.http.HttpRequest.newBuilder(confirm)
                .header('Authorization', "Bearer $publishable").header('Content-Type', 'application/x-www-form-urlencoded')
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString())
        assert confirmed.statusCode() == 200: "confirming $intent: ${confirmed.body()}"
        json.readValue(confirmed.body(), Map)
    }

    private static Map<String, String> query(String rawQuery) {
        rawQuery.tokenize('&').collectEntries { pair ->
            int eq = pair.indexOf('=')
            [URLDecoder.decode(pair.substring(0, eq), StandardCharsets.US_ASCII),
             URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.US_ASCII)]
        }
    }

    private static String hex(String algorithm, String secret, byte[] data) {
        Mac mac = Mac.getInstance(algorithm)
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm))
        HexFormat.of().formatHex(mac.doFinal(data))
    }
}
