package vn.ocop.catalog.api;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.UUID;

/**
 * The reserved stock of a paid order became sold.
 *
 * @param checkoutId the checkout
 * @param orderId    the paid order
 * @param lines      sold quantities per SKU
 */
@Serdeable
public record StockCommitted(UUID checkoutId, UUID orderId, List<StockReserved.Line> lines) {

    public static final String TYPE = "StockCommitted";
    public static final int VERSION = 1;
}
