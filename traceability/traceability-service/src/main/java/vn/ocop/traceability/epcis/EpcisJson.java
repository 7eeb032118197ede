package vn.ocop.traceability.epcis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.erdtman.jcs.JsonCanonicalizer;
import vn.ocop.platform.problem.ProblemException;

/**
 * EPCIS JSON as this service reads, keeps and hashes it. Documents are read with Jackson keeping every number exactly
 * ({@link java.math.BigDecimal}) and refusing duplicate keys (an ambiguous document is not evidence). An event is
 * kept as captured, written back without insignificant whitespace; what the hash chains hash is its RFC 8785 (JCS)
 * canonical form, derived from the kept text each time.
 */
final class EpcisJson {

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
            .build();

    private static final HexFormat HEX = HexFormat.of();

    private EpcisJson() {
    }

    /** The document as a tree, or 400 when it is not one JSON value (or repeats a key). */
    static JsonNode parse(String text) {
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw ProblemException.badRequest("epcis_unreadable", "The body is not a JSON document: {0}", "empty");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw ProblemException.badRequest("epcis_unreadable", "The body is not a JSON document: {0}",
                    e.getOriginalMessage());
        }
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The RFC 8785 canonical form of a JSON text, as UTF-8 bytes. */
    static byte[] canonical(String json) {
        try {
            return new JsonCanonicalizer(json).getEncodedUTF8();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot canonicalize a stored event", e);
        }
    }

    /** Lower-case hex SHA-256 of the parts, one after the other. */
    static String sha256(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                digest.update(part);
            }
            return HEX.formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
