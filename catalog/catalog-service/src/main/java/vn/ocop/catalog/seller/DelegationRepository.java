package vn.ocop.catalog.seller;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.MYSQL)
interface DelegationRepository extends CrudRepository<Delegation, UUID> {

    List<Delegation> findBySellerIdOrderByGrantedAtDesc(UUID sellerId);

    List<Delegation> findByHelperIdAndRevokedAtIsNullOrderByGrantedAtDesc(UUID helperId);

    List<Delegation> findBySellerIdAndHelperIdAndRevokedAtIsNull(UUID sellerId, UUID helperId);
}
