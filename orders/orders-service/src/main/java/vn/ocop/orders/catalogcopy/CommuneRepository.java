package vn.ocop.orders.catalogcopy;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface CommuneRepository extends CrudRepository<Commune, String> {

    /** The edition of the lists held, if any was ever received. */
    @Query("SELECT sha256 FROM admin_units_edition WHERE id = 1")
    Optional<String> edition();

    @Query("INSERT INTO admin_units_edition (id, sha256, loaded_at) VALUES (1, :sha256, UTC_TIMESTAMP(6)) "
            + "ON DUPLICATE KEY UPDATE sha256 = VALUES(sha256), loaded_at = VALUES(loaded_at)")
    void recordEdition(String sha256);

}
