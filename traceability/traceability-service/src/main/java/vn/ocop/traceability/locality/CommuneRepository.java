package vn.ocop.traceability.locality;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The commune copy and the edition of the official lists it holds. */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface CommuneRepository extends CrudRepository<Commune, String> {

    /** The communes among {@code codes} (unknown codes are left out). */
    List<Commune> findByCodeIn(Collection<String> codes);

    /** The edition (SHA-256 of the source lists) held, if any was ever received. */
    @Query("SELECT sha256 FROM admin_units_edition WHERE id = 1")
    Optional<String> edition();

    @Query("INSERT INTO admin_units_edition (id, sha256, loaded_at) VALUES (1, :sha256, UTC_TIMESTAMP(6)) "
            + "ON DUPLICATE KEY UPDATE sha256 = VALUES(sha256), loaded_at = VALUES(loaded_at)")
    void recordEdition(String sha256);
}
