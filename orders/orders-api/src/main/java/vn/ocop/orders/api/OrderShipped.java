package vn.ocop.orders.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The seller handed the order to a carrier. Each line names the lot its units came from (traceability records the
 * shipping event of that lot); a line of a product that has no registered lot carries none.
 *
 * @param orderId        the order
 * @param orderNumber    its public number
 * @param checkoutId     its checkout
 * @param sellerId       the seller
 * @param carrier        the carrier, e.g. "VNPost", "GHTK"
 * @param trackingNumber the carrier's tracking number
 * @param shippedAt      when
 * @param lines          what was shipped, with lot codes
 */
@Serdeable
public record OrderShipped(UUID orderId, String orderNumber, UUID checkoutId, UUID sellerId, String carrier,
                           String trackingNumber, Instant shippedAt, List<Line> lines) {

    public static final String TYPE = "OrderShipped";
    public static final int VERSION = 1;

    /**
     * A shipped line.
     *
     * @param skuId     the SKU
     * @param productId its product
     * @param quantity  how many units
     * @param lotCode   the lot they came from
     */
    @Serdeable
    public record Line(UUID skuId, UUID productId, int quantity, @Nullable String lotCode) {
    }
}
