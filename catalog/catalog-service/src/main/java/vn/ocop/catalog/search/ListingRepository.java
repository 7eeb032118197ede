package vn.ocop.catalog.search;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.MYSQL)
interface ListingRepository extends CrudRepository<Listing, UUID> {

    void deleteByProductIdIn(Collection<UUID> productIds);

    /** Stock and sales move often: one statement brings the listed products' figures up to date. */
    @Query("UPDATE listings l JOIN (SELECT product_id, MAX(available > 0) AS in_stock, SUM(sold) AS sold FROM skus "
            + "WHERE product_id IN (SELECT product_id FROM skus WHERE id IN (:skuIds)) GROUP BY product_id) s "
            + "ON s.product_id = l.product_id SET l.in_stock = s.in_stock, l.sold = s.sold")
    void refreshStock(Collection<UUID> skuIds);
}
