package vn.ocop.catalog.seller;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface SellerRepository extends CrudRepository<Seller, UUID> {

    /** Keyset page of one status in one province; ids are time-ordered, so this is oldest first. */
    List<Seller> findByProvinceCodeAndStatusAndIdGreaterThan(String provinceCode, SellerStatus status, UUID after, Pageable page);

    List<Seller> findByStatusAndIdGreaterThan(SellerStatus status, UUID after, Pageable page);

    List<Seller> findByIdIn(Collection<UUID> ids);
}
