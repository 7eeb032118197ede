package vn.ocop.traceability.lot;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The lots; codes compare exactly (GS1 lot numbers are case-sensitive). */
@JdbcRepository(dialect = Dialect.MYSQL)
interface LotRepository extends CrudRepository<Lot, UUID> {

    Optional<Lot> findByCode(String code);

    boolean existsByCode(String code);

    /** The lot, locked until the end of the transaction: what is drawn from it is drawn one after the other. */
    Optional<Lot> findByCodeForUpdate(String code);

    /** The lots, locked until the end of the transaction, always in id order so that two transactions cannot deadlock. */
    @Query("SELECT * FROM lots WHERE code IN (:codes) ORDER BY id FOR UPDATE")
    List<Lot> lockByCodes(Collection<String> codes);

    @Query("SELECT * FROM lots WHERE id IN (:ids) ORDER BY code")
    List<Lot> byIds(Collection<UUID> ids);
}
