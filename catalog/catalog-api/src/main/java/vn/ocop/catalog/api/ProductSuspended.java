package vn.ocop.catalog.api;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.UUID;

/**
 * A published product was taken off sale, by its seller or by an officer; buyers can no longer order it. Publishing it
 * again emits a new {@link ProductPublished}.
 *
 * @param productId   the product
 * @param revision    the product's revision after the change
 * @param sellerId    its seller
 * @param by          {@code SELLER}, {@code HELPER}, {@code OFFICER} or {@code ADMIN}
 * @param reason      why, as given
 * @param suspendedAt when
 */
@Serdeable
public record ProductSuspended(UUID productId, long revision, UUID sellerId, String by, String reason, Instant suspendedAt) {

    public static final String TYPE = "ProductSuspended";
    public static final int VERSION = 1;
}
