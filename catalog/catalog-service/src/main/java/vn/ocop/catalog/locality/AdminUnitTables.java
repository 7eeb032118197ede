package vn.ocop.catalog.locality;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

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
}
