package vn.ocop.orders.lotcopy;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface ProductLotRepository extends CrudRepository<ProductLot, ProductLot.Key> {

    /** The lots registered for any of these products. */
    @Query("SELECT * FROM product_lots WHERE product_id IN (:productIds)")
    List<ProductLot> ofProducts(Collection<UUID> productIds);
}
