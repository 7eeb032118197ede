package vn.ocop.catalog.inventory;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import vn.ocop.catalog.product.ProductStatus;
import vn.ocop.catalog.product.Sku;

/** Stock rows locked for a reservation, and the guarded updates that move stock. */
@JdbcRepository(dialect = Dialect.MYSQL)
interface StockRows extends GenericRepository<Sku, UUID> {

    /** A SKU's stock with its product's status, locked; in id order so that concurrent reservations never deadlock. */
    @Introspected
    record Row(UUID id, ProductStatus productStatus, int available) {
    }

    @Query("SELECT s.id, p.status AS product_status, s.available FROM skus s JOIN products p ON p.id = s.product_id "
            + "WHERE s.id IN (:skuIds) ORDER BY s.id FOR UPDATE")
    List<Row> lock(Collection<UUID> skuIds);

    @Query("UPDATE skus SET available = available - :quantity, reserved = reserved + :quantity "
            + "WHERE id = :skuId AND available >= :quantity")
    int reserve(UUID skuId, int quantity);

    @Query("UPDATE skus SET reserved = reserved - :quantity, sold = sold + :quantity "
            + "WHERE id = :skuId AND reserved >= :quantity")
    int sell(UUID skuId, int quantity);
}
