package vn.ocop.payments.vnpay;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import vn.ocop.payments.session.PaymentSession;

/** The reconciliation's record of what it asked VNPay about which session ({@code vnpay_queries}). */
@JdbcRepository(dialect = Dialect.MYSQL)
interface VnPayQueryLog extends GenericRepository<PaymentSession, UUID> {

    /**
     * VNPay sessions without a verdict (open, or closed by us before any payment was recorded), opened between
     * {@code openedAfter} and {@code openedBefore}, never asked about or due again; locked, skipping rows another
     * instance holds, so instances take different sessions.
     */
    @Query(value = "SELECT s.* FROM payment_sessions s LEFT JOIN vnpay_queries q ON q.session_id = s.id "
            + "WHERE s.state IN ('OPEN', 'EXPIRED', 'CANCELLED') AND s.method = 'VNPAY' "
            + "AND s.created_at > :openedAfter AND s.created_at <= :openedBefore "
            + "AND (q.session_id IS NULL OR (q.done = FALSE AND q.next_query_at <= :now)) "
            + "ORDER BY s.created_at LIMIT :limit FOR UPDATE SKIP LOCKED", nativeQuery = true)
    List<PaymentSession> findDueForUpdate(Instant openedAfter, Instant openedBefore, Instant now, int limit);

    /** Takes a session for one query: counts it and keeps other instances off it until {@code leaseUntil}. */
    @Query(value = "INSERT INTO vnpay_queries (session_id, attempts, next_query_at, done) VALUES (:sessionId, 1, :leaseUntil, FALSE) "
            + "ON DUPLICATE KEY UPDATE attempts = attempts + 1, next_query_at = :leaseUntil", nativeQuery = true)
    void take(UUID sessionId, Instant leaseUntil);

    /** What the query learnt, and when the session is due again (unless done). */
    @Query(value = "UPDATE vnpay_queries SET last_outcome = :outcome, last_code = :code, last_queried_at = :queriedAt, "
            + "done = :done, next_query_at = :nextQueryAt WHERE session_id = :sessionId", nativeQuery = true)
    void record(UUID sessionId, String outcome, String code, Instant queriedAt, boolean done, Instant nextQueryAt);

    /** How many queries were sent about the session (0 when none). */
    @Query(value = "SELECT COALESCE(MAX(attempts), 0) FROM vnpay_queries WHERE session_id = :sessionId", nativeQuery = true)
    int attempts(UUID sessionId);
}
