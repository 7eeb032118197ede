package vn.ocop.orders.catalogcopy;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface CatalogSkuRepository extends CrudRepository<CatalogSku, UUID> {

    List<CatalogSku> findBySkuIdIn(Collection<UUID> skuIds);

    List<CatalogSku> findByProductId(UUID productId);
}
