package vn.ocop.identity.login;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;

/**
 * A refresh token, known only by its SHA-256. Tokens descending from one login share a family; a rotated token is
 * revoked and points at its successor.
 */
@MappedEntity("refresh_tokens")
record RefreshToken(@Id UUID id, UUID accountId, UUID familyId, String tokenHash, Instant expiresAt,
                    @Nullable Instant revokedAt, @Nullable UUID replacedBy, Instant createdAt) {

    boolean rotated() {
        return revokedAt != null && replacedBy != null;
    }

    boolean usableAt(Instant now) {
        return revokedAt == null && expiresAt.isAfter(now);
    }
}
