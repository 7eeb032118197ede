package vn.ocop.traceability.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.UUID;

/**
 * A lot was recalled: by its seller or an officer, or because a lot it was made from was recalled (then
 * {@code causeLotCode} names that lot). Published once per recalled lot, cascaded lots included.
 *
 * @param lotId        the lot
 * @param lotCode      its public code
 * @param productId    its product
 * @param sellerId     its seller
 * @param provinceCode the seller's province (post-2025 code), as traceability knows it
 * @param reason       why, in the recaller's words
 * @param causeLotCode the recalled lot this one was made from, or null when recalled directly
 * @param recalledAt   when
 */
@Serdeable
public record LotRecalled(UUID lotId, String lotCode, UUID productId, UUID sellerId, @Nullable String provinceCode,
                          String reason, @Nullable String causeLotCode, Instant recalledAt) {

    public static final String TYPE = "LotRecalled";
    public static final int VERSION = 1;
}
