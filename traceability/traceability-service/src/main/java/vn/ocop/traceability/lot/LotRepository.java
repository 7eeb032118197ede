package vn.ocop.traceability.lot;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Optional;
import java.util.UUID;

/** The lots; codes compare exactly (GS1 lot numbers are case-sensitive). */
@JdbcRepository(dialect = Dialect.MYSQL)
interface LotRepository extends CrudRepository<Lot, UUID> {

    Optional<Lot> findByCode(String code);

    boolean existsByCode(String code);
}
