package vn.ocop.loadtest;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The payment notification VNPay sends the merchant once a buyer has paid (API 2.1.0, DOMAIN.md section 3), built
 * from the pay URL the buyer was given and signed as VNPay signs it: every {@code vnp_*} parameter but the hash,
 * sorted by name, each value form-encoded as {@link URLEncoder} does in US-ASCII, joined with {@code &}, then
 * HMAC-SHA512 with the merchant's secret in lower-case hex.
 */
final class VnPayIpn {

    private static final DateTimeFormatter PAY_DATE = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
            .withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

    private final SecretKeySpec key;
    private final Clock clock;
    /** VNPay's transaction numbers: unique within a run, and unlikely to repeat across runs. */
    private final AtomicLong transactionNo = new AtomicLong(10_000_000L + System.currentTimeMillis() / 1000 % 80_000_000L * 10);

    VnPayIpn(String hashSecret, Clock clock) {
        this.key = new SecretKeySpec(hashSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA512");
        this.clock = clock;
    }

    /** The signed query string of a successful payment of the pay URL's order. */
    String paidQuery(String payUrl) {
        Map<String, String> pay = parameters(payUrl);
        long number = transactionNo.incrementAndGet();
        Map<String, String> ipn = new HashMap<>();
        ipn.put("vnp_TmnCode", require(pay, "vnp_TmnCode"));
        ipn.put("vnp_TxnRef", require(pay, "vnp_TxnRef"));
        ipn.put("vnp_Amount", require(pay, "vnp_Amount"));
        ipn.put("vnp_OrderInfo", require(pay, "vnp_OrderInfo"));
        ipn.put("vnp_BankCode", "NCB");
        ipn.put("vnp_BankTranNo", "VNP" + number);
        ipn.put("vnp_CardType", "ATM");
        ipn.put("vnp_PayDate", PAY_DATE.format(clock.instant()));
        ipn.put("vnp_TransactionNo", Long.toString(number));
        ipn.put("vnp_ResponseCode", "00");
        ipn.put("vnp_TransactionStatus", "00");
        String data = hashData(ipn);
        return data + "&vnp_SecureHash=" + hmac(data);
    }

    static String hashData(Map<String, String> params) {
        var signed = new TreeMap<String, String>();
        params.forEach((name, value) -> {
            if (name.startsWith("vnp_") && value != null && !value.isEmpty()
                    && !"vnp_SecureHash".equals(name) && !"vnp_SecureHashType".equals(name)) {
                signed.put(name, value);
            }
        });
        var data = new StringJoiner("&");
        signed.forEach((name, value) -> data.add(encode(name) + "=" + encode(value)));
        return data.toString();
    }

    private String hmac(String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA512");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA512 is not available", e);
        }
    }

    private static Map<String, String> parameters(String url) {
        String query = URI.create(url).getRawQuery();
        Map<String, String> params = new HashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.US_ASCII),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.US_ASCII));
                }
            }
        }
        return params;
    }

    private static String require(Map<String, String> params, String name) {
        String value = params.get(name);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("the pay URL has no " + name);
        }
        return value;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.US_ASCII);
    }
}
