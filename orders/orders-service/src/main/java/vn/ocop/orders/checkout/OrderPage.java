package vn.ocop.orders.checkout;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import vn.ocop.platform.problem.ProblemException;

/**
 * A page of orders, newest first, and the opaque cursor of the next page (null on the last).
 *
 * @param items      the orders
 * @param nextCursor pass as {@code cursor} to read on
 */
@Serdeable
record OrderPage(List<OrderView> items, @Nullable String nextCursor) {

    /** Where a page starts: after the order placed at {@code createdAt} with id {@code id}. */
    record Cursor(Instant createdAt, UUID id) {

        String encode() {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((createdAt + "|" + id).getBytes(StandardCharsets.UTF_8));
        }

        static @Nullable Cursor decode(@Nullable String cursor) {
            if (cursor == null || cursor.isBlank()) {
                return null;
            }
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
                return new Cursor(Instant.parse(parts[0]), UUID.fromString(parts[1]));
            } catch (RuntimeException e) {
                throw ProblemException.invalidField("cursor", "is not a cursor of this list");
            }
        }
    }
}
