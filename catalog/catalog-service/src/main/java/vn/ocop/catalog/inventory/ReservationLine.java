package vn.ocop.catalog.inventory;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import java.time.Instant;
import java.util.UUID;

/** Quantity of one SKU held for one seller order of a checkout; {@code committedAt} once that order is paid. */
@MappedEntity("reservation_lines")
record ReservationLine(@EmbeddedId Key key, int quantity, @Nullable Instant committedAt) {

    @Embeddable
    record Key(@MappedProperty("reservation_id") UUID reservationId, @MappedProperty("order_id") UUID orderId,
               @MappedProperty("sku_id") UUID skuId) {
    }

    ReservationLine committed(Instant now) {
        return new ReservationLine(key, quantity, now);
    }
}
