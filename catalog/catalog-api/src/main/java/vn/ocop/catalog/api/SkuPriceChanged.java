package vn.ocop.catalog.api;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.UUID;

/**
 * A SKU's price changed. When the product is published, a new {@link ProductPublished} snapshot carries the price
 * too; this event records the change itself (price history, reports).
 *
 * @param productId   the product
 * @param skuId       the SKU
 * @param oldPriceVnd the price before, whole dong
 * @param newPriceVnd the price now, whole dong
 * @param revision    the product's revision after the change
 * @param changedAt   when
 */
@Serdeable
public record SkuPriceChanged(UUID productId, UUID skuId, long oldPriceVnd, long newPriceVnd, long revision,
                              Instant changedAt) {

    public static final String TYPE = "SkuPriceChanged";
    public static final int VERSION = 1;
}
