package vn.ocop.identity.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;

/** Someone who can log in: by phone or e-mail (at least one), with a password kept as an Argon2id PHC string. */
@MappedEntity("accounts")
record Account(@Id UUID id, String displayName, @Nullable String phone, @Nullable String email, String passwordHash,
               AccountStatus status, Instant createdAt, Instant updatedAt) {

    boolean active() {
        return status == AccountStatus.ACTIVE;
    }

    Account withPasswordHash(String newHash, Instant now) {
        return new Account(id, displayName, phone, email, newHash, status, createdAt, now);
    }
}
