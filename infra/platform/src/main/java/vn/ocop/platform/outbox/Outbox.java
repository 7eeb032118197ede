package vn.ocop.platform.outbox;

import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import vn.ocop.platform.event.EventEnvelope;
import vn.ocop.platform.event.Ids;
import vn.ocop.platform.trace.TraceContext;

/**
 * Records events in the service's outbox table, inside the caller's transaction: the event exists if and only if
 * the state change it announces commits. After commit the relay appends it to the service's stream.
 */
@Singleton
public class Outbox {

    private static final String INSERT =
            "INSERT INTO outbox (event_id, event_type, aggregate_id, envelope, created_at) VALUES (?, ?, ?, ?, ?)";

    private final TransactionOperations<Connection> transactions;
    private final JsonMapper json;
    private final Clock clock;
    private final RelaySignal signal;

    Outbox(TransactionOperations<Connection> transactions, JsonMapper json, Clock clock, RelaySignal signal) {
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
        this.signal = signal;
    }

    /**
     * Adds an event to the current transaction.
     *
     * @throws IllegalStateException when called outside a transaction
     */
    public EventEnvelope publish(String type, int version, String aggregateId, Object data) {
        var status = transactions.findTransactionStatus()
                .orElseThrow(() -> new IllegalStateException("Outbox.publish(" + type + ") needs a surrounding transaction"));
        try {
            var envelope = new EventEnvelope(Ids.newId(), type, version, clock.instant(), aggregateId,
                    TraceContext.current(), json.writeValueToTree(data));
            try (PreparedStatement insert = transactions.getConnection().prepareStatement(INSERT)) {
                insert.setString(1, envelope.id().toString());
                insert.setString(2, type);
                insert.setString(3, aggregateId);
                insert.setString(4, json.writeValueAsString(envelope));
                insert.setTimestamp(5, Timestamp.from(envelope.occurredAt()));
                insert.executeUpdate();
            }
            status.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    signal.wake();
                }
            });
            return envelope;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialise event " + type, e);
        } catch (SQLException e) {
            throw new OutboxException("cannot write event " + type + " to the outbox", e);
        }
    }
}
