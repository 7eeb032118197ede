package vn.ocop.catalog.inventory;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;

/** The stock held for one checkout, all lines or none. */
@MappedEntity("reservations")
record Reservation(@Id UUID id, UUID checkoutId, ReservationStatus status, @Nullable Instant expiresAt, Instant createdAt,
                   Instant updatedAt) {

    Reservation committed(Instant now) {
        return new Reservation(id, checkoutId, ReservationStatus.COMMITTED, expiresAt, createdAt, now);
    }

    Reservation released(Instant now) {
        return new Reservation(id, checkoutId, ReservationStatus.RELEASED, expiresAt, createdAt, now);
    }
}
