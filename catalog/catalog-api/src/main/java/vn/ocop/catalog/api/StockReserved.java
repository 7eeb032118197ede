package vn.ocop.catalog.api;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Every line of a checkout was reserved, all or nothing; the reservation lapses at {@code expiresAt} unless the
 * checkout is paid.
 *
 * @param checkoutId    the checkout
 * @param reservationId the reservation
 * @param expiresAt     when it lapses
 * @param lines         reserved quantities per SKU (lines of the same SKU summed)
 */
@Serdeable
public record StockReserved(UUID checkoutId, UUID reservationId, Instant expiresAt, List<Line> lines) {

    public static final String TYPE = "StockReserved";
    public static final int VERSION = 1;

    /** A reserved quantity of one SKU. */
    @Serdeable
    public record Line(UUID skuId, int quantity) {
    }
}
