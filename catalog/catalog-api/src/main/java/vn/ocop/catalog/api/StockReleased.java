package vn.ocop.catalog.api;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A checkout's reserved stock went back on sale: its reservation expired unpaid, or the checkout was rejected or
 * cancelled. A payment arriving afterwards finds nothing to sell (orders and payments then refund it).
 *
 * @param checkoutId    the checkout
 * @param reservationId its reservation
 * @param reason        {@code EXPIRED} (unpaid well past its expiry; orders normally cancels first),
 *                      {@code CHECKOUT_REJECTED} or {@code CHECKOUT_CANCELLED} (lapsed unpaid, or cancelled by its buyer)
 * @param lines         released quantities per SKU
 * @param releasedAt    when
 */
@Serdeable
public record StockReleased(UUID checkoutId, UUID reservationId, String reason, List<StockReserved.Line> lines,
                            Instant releasedAt) {

    public static final String TYPE = "StockReleased";
    public static final int VERSION = 1;
}
