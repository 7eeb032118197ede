package vn.ocop.platform.outbox;

import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.ocop.platform.consumer.ConsumerConfiguration;

/**
 * Keeps the platform's tables from growing without bound: sent outbox rows, handled inbox rows and Idempotency-Keys
 * past their retention are deleted in small batches. Run by the relay's thread every few minutes.
 */
@Singleton
class Housekeeping {

    private static final Logger LOG = LoggerFactory.getLogger(Housekeeping.class);
    private static final Duration EVERY = Duration.ofMinutes(10);
    private static final int BATCH = 5000;

    private final TransactionOperations<Connection> transactions;
    private final Clock clock;
    private final Duration outboxRetention;
    private final Duration inboxRetention;
    private final Duration idempotencyRetention;
    private final AtomicLong pendingOutbox = new AtomicLong();
    private Instant next = Instant.EPOCH;

    Housekeeping(TransactionOperations<Connection> transactions, Clock clock, RelayConfiguration relay,
                 ConsumerConfiguration consumers, @Value("${ocop.idempotency.retention:48h}") Duration idempotencyRetention) {
        this.transactions = transactions;
        this.clock = clock;
        this.outboxRetention = relay.retention();
        this.inboxRetention = consumers.inboxRetention();
        this.idempotencyRetention = idempotencyRetention;
    }

    /** Outbox rows not yet sent, as of the last run. */
    long pendingOutbox() {
        return pendingOutbox.get();
    }

    void runIfDue() {
        if (!clock.instant().isBefore(next)) {
            run();
        }
    }

    /** One round: purge what is past its retention, count what waits to be sent. */
    void run() {
        Instant now = clock.instant();
        next = now.plus(EVERY);
        purge("outbox", "DELETE FROM outbox WHERE sent_at IS NOT NULL AND sent_at < ? LIMIT " + BATCH, now.minus(outboxRetention));
        purge("inbox", "DELETE FROM inbox WHERE handled_at < ? LIMIT " + BATCH, now.minus(inboxRetention));
        purge("idempotency_keys", "DELETE FROM idempotency_keys WHERE created_at < ? LIMIT " + BATCH,
                now.minus(idempotencyRetention));
        pendingOutbox.set(transactions.executeRead(status -> {
            try (PreparedStatement count = status.getConnection().prepareStatement("SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL");
                 ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            } catch (SQLException e) {
                throw new OutboxException("cannot count pending outbox rows", e);
            }
        }));
    }

    private void purge(String table, String sql, Instant before) {
        int purged = transactions.executeWrite(status -> {
            try (PreparedStatement delete = status.getConnection().prepareStatement(sql)) {
                delete.setTimestamp(1, Timestamp.from(before));
                return delete.executeUpdate();
            } catch (SQLException e) {
                throw new OutboxException("cannot purge " + table, e);
            }
        });
        if (purged > 0) {
            LOG.info("purged {} rows of {} older than {}", purged, table, before);
        }
    }
}
