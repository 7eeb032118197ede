package vn.ocop.catalog;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.Optional;
import vn.ocop.catalog.locality.Province;

/**
 * Which version of derived data the database holds (the administrative units loaded from the shipped lists, the
 * search index's text): a row per kind, locked while one instance brings it up to date.
 */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface ReferenceData extends GenericRepository<Province, String> {

    /** The version held ('' before the first load), the row locked until the transaction ends. */
    @Query("SELECT COALESCE(checksum, '') FROM reference_data WHERE name = :name FOR UPDATE")
    Optional<String> lockChecksum(String name);

    @Query("UPDATE reference_data SET checksum = :checksum, row_count = :rowCount, loaded_at = :loadedAt WHERE name = :name")
    void loaded(String name, String checksum, int rowCount, Instant loadedAt);
}
