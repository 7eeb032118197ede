package vn.ocop.catalog.product;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface ProductRepository extends CrudRepository<Product, UUID> {

    List<Product> findByIdIn(Collection<UUID> ids);

    List<Product> findBySellerId(UUID sellerId);

    /** Keyset page by id, for walking every product. */
    List<Product> findByIdGreaterThan(UUID after, Pageable page);

    List<Product> findByCertificateIdIn(Collection<UUID> certificateIds);

    /** Claims of certificates of one province waiting for an officer, oldest first. */
    @Query("SELECT p.* FROM products p JOIN ocop_certificates c ON c.id = p.certificate_id "
            + "WHERE p.certificate_status = 'CLAIMED' AND (:provinceCode IS NULL OR c.province_code = :provinceCode) "
            + "ORDER BY p.updated_at LIMIT 200")
    List<Product> findPendingClaims(@Nullable String provinceCode);
}
