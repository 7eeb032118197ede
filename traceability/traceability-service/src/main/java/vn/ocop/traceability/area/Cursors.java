package vn.ocop.traceability.area;

import io.micronaut.core.annotation.Nullable;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import java.util.function.Function;
import vn.ocop.platform.problem.ProblemException;

/** Opaque keyset cursors: a sort key and the row id, base64url. */
final class Cursors {

    private Cursors() {
    }

    record Position<K>(K key, UUID id) {
    }

    static String encode(Object key, UUID id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((key + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** The position a cursor names, null for none; a 400 naming {@code cursor} when it is not one of this list's. */
    static <K> @Nullable Position<K> decode(@Nullable String cursor, Function<String, K> key) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", 2);
            return new Position<>(key.apply(parts[0]), UUID.fromString(parts[1]));
        } catch (RuntimeException e) {
            throw ProblemException.invalidField("cursor", "is not a cursor of this list");
        }
    }
}
