package vn.ocop.catalog.product;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface SkuRepository extends CrudRepository<Sku, UUID> {

    List<Sku> findByProductIdOrderByPosition(UUID productId);

    List<Sku> findByProductIdInOrderByPosition(Collection<UUID> productIds);

    /** Only the price: stock columns move concurrently under reservations and must not be written from a stale copy. */
    void updatePriceVnd(@Id UUID id, long priceVnd);
}
