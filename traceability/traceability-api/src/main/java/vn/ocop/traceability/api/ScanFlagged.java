package vn.ocop.traceability.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.UUID;

/**
 * A scanned code raised a counterfeit signal for the first time: a serialised unit scanned too often
 * ({@code SERIAL_OVERSCANNED}), scanned in far-apart places within a short time ({@code FAR_APART}), or a code we
 * never issued ({@code NEVER_ISSUED}). Published once per code and kind, when the signal is raised; later scans that
 * update the same signal publish nothing.
 *
 * @param signalId     the signal
 * @param kind         {@code SERIAL_OVERSCANNED}, {@code FAR_APART} or {@code NEVER_ISSUED}
 * @param codeKey      the code it is about
 * @param lotId        the lot, when the code names one of ours
 * @param lotCode      its code
 * @param productId    its product
 * @param sellerId     its seller
 * @param provinceCode the lot's province, when known
 * @param flaggedAt    when the signal was raised
 */
@Serdeable
public record ScanFlagged(UUID signalId, String kind, String codeKey, @Nullable UUID lotId, @Nullable String lotCode,
                          @Nullable UUID productId, @Nullable UUID sellerId, @Nullable String provinceCode,
                          Instant flaggedAt) {

    public static final String TYPE = "ScanFlagged";
    public static final int VERSION = 1;
}
