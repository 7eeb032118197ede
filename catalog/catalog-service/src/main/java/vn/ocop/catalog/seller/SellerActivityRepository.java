package vn.ocop.catalog.seller;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.MYSQL)
interface SellerActivityRepository extends CrudRepository<SellerActivity, Long> {

    /** Newest first, before a cursor. */
    List<SellerActivity> findBySellerIdAndIdLessThan(UUID sellerId, long before, Pageable page);
}
