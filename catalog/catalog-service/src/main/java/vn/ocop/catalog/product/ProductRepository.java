package vn.ocop.catalog.product;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface ProductRepository extends CrudRepository<Product, UUID> {

    /** Published products, newest first (ids are time-ordered), after a keyset cursor. */
    List<Product> findByStatusAndIdLessThan(ProductStatus status, UUID before, Pageable page);

    List<Product> findByStatusAndSearchKeyContainsAndIdLessThan(ProductStatus status, String searchKey, UUID before,
                                                                Pageable page);
}
