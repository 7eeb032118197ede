package vn.ocop.payments.vnpay;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * VNPay 2.1.0 request signatures: every {@code vnp_*} parameter with a value, except {@code vnp_SecureHash} and
 * {@code vnp_SecureHashType}, sorted by name, form-encoded as {@link URLEncoder} does in US-ASCII and joined with
 * {@code &} (the hash data, which is also the query string); then HMAC-SHA512 with the merchant's secret over its
 * bytes, in lower-case hex. The merchant API (querydr, refund) signs differently: the raw values of a fixed list of
 * fields joined by {@code |}, no encoding ({@link #signFields}).
 */
@Singleton
public final class VnPaySigner {

    public static final String SECURE_HASH = "vnp_SecureHash";
    public static final String SECURE_HASH_TYPE = "vnp_SecureHashType";
    private static final String ALGORITHM = "HmacSHA512";

    private final SecretKeySpec key;

    @Inject
    VnPaySigner(VnPayConfiguration config) {
        this(config.hashSecret());
    }

    public VnPaySigner(String hashSecret) {
        this.key = new SecretKeySpec(hashSecret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** The string VNPay signs, which is also the query string of the signed parameters. */
    public static String hashData(Map<String, String> params) {
        var signed = new TreeMap<String, String>();
        params.forEach((name, value) -> {
            if (name.startsWith("vnp_") && value != null && !value.isEmpty()
                    && !SECURE_HASH.equals(name) && !SECURE_HASH_TYPE.equals(name)) {
                signed.put(name, value);
            }
        });
        var data = new StringJoiner("&");
        signed.forEach((name, value) -> data.add(encode(name) + "=" + encode(value)));
        return data.toString();
    }

    /** The signature of the parameters, lower-case hex. */
    public String sign(Map<String, String> params) {
        return hmac(hashData(params));
    }

    /** The parameters as a query string, with {@code vnp_SecureHash} last. */
    public String signedQuery(Map<String, String> params) {
        String data = hashData(params);
        return data + "&" + SECURE_HASH + "=" + hmac(data);
    }

    /** Whether {@code vnp_SecureHash} is the parameters' signature (any case), compared in constant time. */
    public boolean verify(Map<String, String> params) {
        String given = params.get(SECURE_HASH);
        if (given == null || given.isEmpty()) {
            return false;
        }
        byte[] expected = sign(params).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
    }

    /** The merchant API's signature: HMAC-SHA512 of the values joined by {@code |} as they are (null as empty), lower-case hex. */
    public String signFields(List<String> values) {
        return hmac(pipeJoined(values));
    }

    /** Whether {@code given} is the signature of the values (any case), compared in constant time. */
    public boolean verifyFields(String given, List<String> values) {
        if (given == null || given.isEmpty()) {
            return false;
        }
        byte[] expected = signFields(values).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
    }

    /** The merchant API's hash data: the values joined by {@code |}, null as empty. */
    public static String pipeJoined(List<String> values) {
        var data = new StringJoiner("|");
        values.forEach(value -> data.add(Objects.toString(value, "")));
        return data.toString();
    }

    private String hmac(String data) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA512 is not available", e);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.US_ASCII);
    }
}
