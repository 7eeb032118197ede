package vn.ocop.catalog.inventory;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import java.time.Instant;
import java.util.UUID;

/**
 * Quantity of one SKU held for one seller order of a checkout; {@code committedAt} once that order is paid or
 * confirmed, {@code returnedAt} once its units went back on sale because the order was cancelled.
 */
@MappedEntity("reservation_lines")
record ReservationLine(@EmbeddedId Key key, int quantity, @Nullable Instant committedAt, @Nullable Instant returnedAt) {

    @Embeddable
    record Key(@MappedProperty("reservation_id") UUID reservationId, @MappedProperty("order_id") UUID orderId,
               @MappedProperty("sku_id") UUID skuId) {
    }

    /** Still only reserved: neither sold nor returned. */
    boolean held() {
        return committedAt == null && returnedAt == null;
    }

    ReservationLine committed(Instant now) {
        return new ReservationLine(key, quantity, now, returnedAt);
    }

    ReservationLine returned(Instant now) {
        return new ReservationLine(key, quantity, committedAt, now);
    }
}
