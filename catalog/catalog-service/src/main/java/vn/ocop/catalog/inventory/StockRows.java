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
import vn.ocop.catalog.seller.SellerStatus;

/** Stock rows locked for a reservation, and the guarded updates that move stock. */
@JdbcRepository(dialect = Dialect.MYSQL)
interface StockRows extends GenericRepository<Sku, UUID> {

    /** A SKU's stock with its product's status, locked; in id order so that concurrent reservations never deadlock. */
    @Introspected
    record Row(UUID id, UUID productId, ProductStatus productStatus, SellerStatus sellerStatus, int available) {

        boolean onSale() {
            return productStatus == ProductStatus.PUBLISHED && sellerStatus == SellerStatus.VERIFIED;
        }
    }

    @Query("SELECT s.id, s.product_id, p.status AS product_status, v.status AS seller_status, s.available FROM skus s "
            + "JOIN products p ON p.id = s.product_id JOIN sellers v ON v.id = p.seller_id "
            + "WHERE s.id IN (:skuIds) ORDER BY s.id FOR UPDATE")
    List<Row> lock(Collection<UUID> skuIds);

    @Query("UPDATE skus SET reserved = reserved - :quantity, available = available + :quantity "
            + "WHERE id = :skuId AND reserved >= :quantity")
    int release(UUID skuId, int quantity);

    /** A hand adjustment; refused (0 rows) if it would take available stock below zero. */
    @Query("UPDATE skus SET available = available + :delta WHERE id = :skuId AND available + :delta >= 0")
    int adjust(UUID skuId, int delta);

    @Query("UPDATE skus SET available = available - :quantity, reserved = reserved + :quantity "
            + "WHERE id = :skuId AND available >= :quantity")
    int reserve(UUID skuId, int quantity);

    @Query("UPDATE skus SET reserved = reserved - :quantity, sold = sold + :quantity "
            + "WHERE id = :skuId AND reserved >= :quantity")
    int sell(UUID skuId, int quantity);

    /** A sale undone (its order cancelled): sold units go back on sale; refused (0 rows) if fewer were sold. */
    @Query("UPDATE skus SET sold = sold - :quantity, available = available + :quantity "
            + "WHERE id = :skuId AND sold >= :quantity")
    int unsell(UUID skuId, int quantity);
}
