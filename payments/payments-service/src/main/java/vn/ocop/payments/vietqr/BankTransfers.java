package vn.ocop.payments.vietqr;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Bank transfers in MariaDB/MySQL. */
@JdbcRepository(dialect = Dialect.MYSQL)
interface BankTransfers extends CrudRepository<BankTransfer, UUID> {

    Optional<BankTransfer> findBySourceAndTransactionId(String source, String transactionId);

    /** A session's transfers, oldest first. */
    List<BankTransfer> findBySessionIdOrderByReceivedAt(UUID sessionId);

    /** The transfers with {@code outcome}, newest first, at most 200 per call. */
    List<BankTransfer> findTop200ByOutcomeOrderByReceivedAtDesc(String outcome);
}
