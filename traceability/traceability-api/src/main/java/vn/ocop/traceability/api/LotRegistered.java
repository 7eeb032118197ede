package vn.ocop.traceability.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A seller registered a lot of a product.
 *
 * @param lotId        the lot
 * @param lotCode      its public code, printed on labels
 * @param productId    the product
 * @param sellerId     the seller
 * @param quantity     how much
 * @param unit         of what, e.g. "kg"
 * @param harvestDate  when it was harvested, if known
 * @param registeredAt when
 */
@Serdeable
public record LotRegistered(UUID lotId, String lotCode, UUID productId, UUID sellerId, BigDecimal quantity, String unit,
                            @Nullable LocalDate harvestDate, Instant registeredAt) {

    public static final String TYPE = "LotRegistered";
    public static final int VERSION = 1;
}
