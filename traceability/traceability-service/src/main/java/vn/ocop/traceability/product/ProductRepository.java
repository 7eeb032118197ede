package vn.ocop.traceability.product;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Optional;
import java.util.UUID;

/** The product copies. */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface ProductRepository extends CrudRepository<Product, UUID> {

    /** The copy, locked until the end of the transaction, so that two snapshots of one product apply one after the other. */
    Optional<Product> findByProductIdForUpdate(UUID productId);
}
