package vn.ocop.catalog.locality;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.Optional;

/** The tables the administrative units are loaded into. */
final class AdminUnitTables {

    private AdminUnitTables() {
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface Provinces extends CrudRepository<Province, String> {
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface Communes extends CrudRepository<Commune, String> {
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface LegacyDistricts extends CrudRepository<LegacyDistrict, String> {
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface LegacyCommunes extends CrudRepository<LegacyCommune, String> {
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface Predecessors extends CrudRepository<CommunePredecessor, CommunePredecessor.Key> {
    }

    /** Which version of the lists the tables hold; its row is locked while one instance loads them. */
    @JdbcRepository(dialect = Dialect.MYSQL)
    interface ReferenceData extends GenericRepository<Province, String> {

        @Query("SELECT COALESCE(checksum, '') FROM reference_data WHERE name = :name FOR UPDATE")
        Optional<String> lockChecksum(String name);

        @Query("UPDATE reference_data SET checksum = :checksum, row_count = :rowCount, loaded_at = :loadedAt WHERE name = :name")
        void loaded(String name, String checksum, int rowCount, Instant loadedAt);
    }
}
