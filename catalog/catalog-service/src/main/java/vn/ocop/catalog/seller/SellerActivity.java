package vn.ocop.catalog.seller;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;

/** One change to a seller's data: who acted (and in which capacity), what, on which object. */
@MappedEntity("seller_activity")
record SellerActivity(@Id @GeneratedValue @Nullable Long id, UUID sellerId, UUID actorId, Acting.Role actorRole,
                      String action, @Nullable UUID subjectId, String summary, Instant actedAt) {
}
