package vn.ocop.catalog.api;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.UUID;

/**
 * A seller changed a SKU's stock by hand (a new harvest, a count, damaged goods); reservations and sales have their
 * own events.
 *
 * @param productId  the product
 * @param skuId      the SKU
 * @param delta      units added (negative: removed)
 * @param available  units available to sell after the change
 * @param reason     {@code RESTOCK}, {@code COUNT_CORRECTION}, {@code DAMAGED} or {@code RETURNED}
 * @param adjustedAt when
 */
@Serdeable
public record StockAdjusted(UUID productId, UUID skuId, int delta, int available, String reason, Instant adjustedAt) {

    public static final String TYPE = "StockAdjusted";
    public static final int VERSION = 1;
}
