package vn.ocop.payments.refund;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

/** Refunds in MariaDB/MySQL. */
@JdbcRepository(dialect = Dialect.MYSQL)
interface Refunds extends CrudRepository<Refund, UUID> {

    /** The refund with a row lock held until the transaction ends. */
    Optional<Refund> findByIdForUpdate(UUID id);

    /** What is refunded or being refunded of a captured session: its REQUESTED and SUCCEEDED refunds, whole dong. */
    @Query("SELECT COALESCE(SUM(amount_vnd), 0) FROM refunds WHERE session_id = :sessionId AND state IN ('REQUESTED', 'SUCCEEDED')")
    long committedVnd(UUID sessionId);

    /** What is refunded or being refunded of one seller order, whole dong. */
    @Query("SELECT COALESCE(SUM(amount_vnd), 0) FROM refunds WHERE order_id = :orderId AND state IN ('REQUESTED', 'SUCCEEDED')")
    long committedForOrderVnd(UUID orderId);

    /**
     * The refund due longest among those paid by one of {@code methods} (the ones a gateway can refund), locked; a row
     * another instance holds is skipped rather than waited for, so several workers take different refunds
     * ({@code ix_refunds_due} serves the lookup).
     */
    @Query("SELECT * FROM refunds WHERE state = 'REQUESTED' AND next_attempt_at <= :now AND method IN (:methods) "
            + "ORDER BY next_attempt_at LIMIT 1 FOR UPDATE SKIP LOCKED")
    Optional<Refund> findDueForUpdate(Instant now, Collection<String> methods);
}
