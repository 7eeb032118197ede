package vn.ocop.catalog.api;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.UUID;

/**
 * A checkout could not be reserved; nothing was reserved.
 *
 * @param checkoutId the checkout
 * @param shortages  why, per SKU
 */
@Serdeable
public record StockRejected(UUID checkoutId, List<Shortage> shortages) {

    public static final String TYPE = "StockRejected";
    public static final int VERSION = 1;

    /** Reasons a line cannot be reserved. */
    public enum Reason { OUT_OF_STOCK, UNKNOWN_SKU, NOT_PUBLISHED }

    /**
     * One SKU that could not be reserved.
     *
     * @param skuId     the SKU
     * @param requested quantity asked for (lines of the same SKU summed)
     * @param available quantity that was available
     * @param reason    why
     */
    @Serdeable
    public record Shortage(UUID skuId, int requested, int available, Reason reason) {
    }
}
