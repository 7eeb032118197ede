package vn.ocop.traceability.lot;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Packings and serial numbers as the API shows them. */
final class PackingViews {

    private PackingViews() {
    }

    /**
     * A packing.
     *
     * @param total             unitCount x unitSize, drawn from the lot
     * @param serials           how many of its units have serial numbers
     * @param lotRemaining      how much of the lot is left to pack or transform
     */
    @Serdeable
    record PackingPart(UUID id, String lotCode, int unitCount, BigDecimal unitSize, String unit, String packaging,
                       BigDecimal total, long serials, BigDecimal lotRemaining, Instant packedAt) {
    }

    @Serdeable
    record SerialPart(int ordinal, String serial, UUID packingId) {
    }

    /**
     * A page of a lot's serials, in ordinal order.
     *
     * @param nextCursor pass as {@code cursor} to read on; absent on the last page
     */
    @Serdeable
    record SerialPage(List<SerialPart> items, @Nullable String nextCursor) {
    }

    /**
     * Serials just generated for a packing.
     *
     * @param serials in ordinal order
     */
    @Serdeable
    record Generated(UUID packingId, String lotCode, List<SerialPart> serials) {
    }
}
