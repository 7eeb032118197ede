package vn.ocop.catalog.seller;

import io.micronaut.data.annotation.Query;
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

    /** Counts a change of the seller-helper pair; the pair's row stays locked until the transaction ends. */
    @Query("INSERT INTO delegation_revisions (seller_id, helper_id, revision) VALUES (:sellerId, :helperId, 1) "
            + "ON DUPLICATE KEY UPDATE revision = revision + 1")
    void countChange(UUID sellerId, UUID helperId);

    @Query("SELECT revision FROM delegation_revisions WHERE seller_id = :sellerId AND helper_id = :helperId")
    long revision(UUID sellerId, UUID helperId);
}
