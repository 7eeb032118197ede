package vn.ocop.identity.login;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.MYSQL)
interface RefreshTokenRepository extends GenericRepository<RefreshToken, UUID> {

    RefreshToken save(RefreshToken token);

    Optional<RefreshToken> findByTokenHash(String tokenHash);

    /** Locks the row, so that two presentations of one token are decided one after the other. */
    Optional<RefreshToken> findByTokenHashForUpdate(String tokenHash);

    @Query("UPDATE refresh_tokens SET revoked_at = :now, replaced_by = :successor WHERE id = :id AND revoked_at IS NULL")
    int markRotated(String id, String successor, Instant now);

    @Query("UPDATE refresh_tokens SET revoked_at = :now WHERE family_id = :familyId AND revoked_at IS NULL")
    int revokeFamily(String familyId, Instant now);
}
