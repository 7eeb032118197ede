package vn.ocop.traceability.lot;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * Part of a lot packed into units: {@code unitCount} units ({@code packaging}, e.g. "túi") of {@code unitSize} each,
 * in the lot's unit. The units keep the lot's code.
 */
@MappedEntity("lot_packings")
record Packing(@Id UUID id, UUID lotId, int unitCount, BigDecimal unitSize, String packaging, Instant createdAt) {

    BigDecimal total() {
        return unitSize.multiply(BigDecimal.valueOf(unitCount));
    }
}
