package vn.ocop.payments.vietqr;

import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks that a bank transfer notification comes from a configured source: the hex HMAC-SHA256 of the raw body under
 * that source's secret, compared in constant time. Neither an unknown source nor a wrong signature says which it was.
 */
@Singleton
class NotificationSignatures {

    static final String ALGORITHM = "HmacSHA256";

    private final Map<String, NotificationSource> sources;

    NotificationSignatures(List<NotificationSource> sources) {
        this.sources = sources.stream().collect(Collectors.toUnmodifiableMap(NotificationSource::name, Function.identity()));
    }

    /** The source, if {@code signature} is its signature of {@code body}. */
    Optional<NotificationSource> verify(String source, String signature, byte[] body) {
        NotificationSource known = sources.get(source);
        byte[] given = decode(signature);
        if (known == null || given == null) {
            return Optional.empty();
        }
        return MessageDigest.isEqual(sign(known.secret(), body), given) ? Optional.of(known) : Optional.empty();
    }

    /** HMAC-SHA256 of {@code body} under {@code secret}, lower-case hex: what a source sends as its signature. */
    static String signature(String secret, byte[] body) {
        return HexFormat.of().formatHex(sign(secret, body));
    }

    private static byte[] sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /** The signature's bytes, from hex in either case; null when it is not 64 hex digits. */
    private static byte[] decode(String signature) {
        if (signature == null || signature.length() != 64) {
            return null;
        }
        try {
            return HexFormat.of().parseHex(signature);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
