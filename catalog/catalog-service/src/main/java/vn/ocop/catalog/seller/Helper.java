package vn.ocop.catalog.seller;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;

/** A helper account (Youth Union member, community digital team), known from identity's AccountRegistered. */
@MappedEntity("helpers")
record Helper(@Id UUID id, String displayName, @Nullable String phone, @Nullable String email, Instant createdAt) {
}
