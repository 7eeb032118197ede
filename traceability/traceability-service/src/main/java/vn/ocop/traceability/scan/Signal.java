package vn.ocop.traceability.scan;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A counterfeit signal as stored (written by {@link ScanWriter}, read by the signals API).
 *
 * @param id           the signal, time-ordered: newer signals have greater ids
 * @param kind         SERIAL_OVERSCANNED, FAR_APART or NEVER_ISSUED
 * @param codeKey      the code it is about (see {@link Scan#codeKey()})
 * @param lotId        the lot, when the code names one of ours
 * @param lotCode      its code
 * @param serial       the serial, if the code has one
 * @param sellerId     the lot's seller
 * @param provinceCode the lot's province
 * @param scanCount    for NEVER_ISSUED, the scans of the code; else all scans of it when last evaluated
 * @param firstSeenAt  the first scan the signal counts
 * @param lastSeenAt   the last one
 * @param distanceKm   FAR_APART: the distance between the two farthest places
 * @param placeALat    FAR_APART: the earlier of the two places
 * @param placeALon    idem
 * @param placeAAt     when the code was scanned there
 * @param placeBLat    FAR_APART: the later place
 * @param placeBLon    idem
 * @param placeBAt     when the code was scanned there
 * @param createdAt    when the signal was raised
 * @param updatedAt    when it was last updated
 */
@MappedEntity("scan_signals")
record Signal(@Id UUID id, String kind, String codeKey, @Nullable UUID lotId, @Nullable String lotCode, @Nullable String serial,
              @Nullable UUID sellerId, @Nullable String provinceCode, long scanCount, Instant firstSeenAt, Instant lastSeenAt,
              @Nullable BigDecimal distanceKm,
              @Nullable @MappedProperty("place_a_lat") BigDecimal placeALat,
              @Nullable @MappedProperty("place_a_lon") BigDecimal placeALon,
              @Nullable @MappedProperty("place_a_at") Instant placeAAt,
              @Nullable @MappedProperty("place_b_lat") BigDecimal placeBLat,
              @Nullable @MappedProperty("place_b_lon") BigDecimal placeBLon,
              @Nullable @MappedProperty("place_b_at") Instant placeBAt,
              Instant createdAt, Instant updatedAt) {
}
