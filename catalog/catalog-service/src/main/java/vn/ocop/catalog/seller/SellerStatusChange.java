package vn.ocop.catalog.seller;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;

/** One change of a seller's status: who (null for the system), from what, to what, why. */
@MappedEntity("seller_status_history")
record SellerStatusChange(@Id @GeneratedValue @Nullable Long id, UUID sellerId, @Nullable SellerStatus fromStatus,
                          SellerStatus toStatus, @Nullable String reason, @Nullable UUID actorId, Instant changedAt) {
}
