package vn.ocop.platform.consumer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import vn.ocop.platform.event.EventEnvelope;
import vn.ocop.platform.event.EventHandler;
import vn.ocop.platform.event.NonRetryableEventException;
import vn.ocop.platform.event.ServiceIdentity;
import vn.ocop.platform.trace.TraceContext;

/**
 * Runs a handler for one event in a transaction that first records {@code (consumer group, event id)} in the
 * inbox. A second delivery of the same event finds the row and does nothing; two concurrent deliveries
 * serialise on the row's key, and the later one finds it once the first commits.
 */
@Singleton
public class EventDispatcher {

    /** What a delivery did. */
    public enum Outcome { HANDLED, DUPLICATE, IGNORED }

    private static final String RECORD = "INSERT INTO inbox (consumer, event_id, event_type, source_stream, handled_at) "
            + "VALUES (?, ?, ?, ?, ?)";

    private final TransactionOperations<Connection> transactions;
    private final EventHandlers handlers;
    private final JsonMapper json;
    private final Clock clock;
    private final String group;
    private final MeterRegistry meters;

    EventDispatcher(TransactionOperations<Connection> transactions, EventHandlers handlers, JsonMapper json, Clock clock,
                    ServiceIdentity service, MeterRegistry meters) {
        this.transactions = transactions;
        this.handlers = handlers;
        this.json = json;
        this.clock = clock;
        this.group = service.group();
        this.meters = meters;
    }

    /** Reads a message's envelope, or fails without retry when it is not one. */
    public EventEnvelope parse(String envelope) {
        if (envelope == null) {
            throw new NonRetryableEventException("message has no envelope field");
        }
        try {
            EventEnvelope parsed = json.readValue(envelope, EventEnvelope.class);
            if (parsed.id() == null || parsed.type() == null || parsed.data() == null) {
                throw new NonRetryableEventException("envelope lacks id, type or data");
            }
            return parsed;
        } catch (IOException e) {
            throw new NonRetryableEventException("envelope is not valid JSON: " + e.getMessage(), e);
        }
    }

    public Outcome dispatch(String stream, EventEnvelope envelope) {
        var handler = handlers.find(stream, envelope.type());
        if (handler.isEmpty()) {
            return Outcome.IGNORED;
        }
        long start = System.nanoTime();
        Outcome outcome = TraceContext.callWith(envelope.traceparent(), () -> handleOnce(stream, envelope, handler.get()));
        Timer.builder("ocop.events.handle")
                .description("handler transaction time")
                .tags("stream", stream, "type", envelope.type(), "outcome", outcome.name())
                .publishPercentiles(0.5, 0.99)
                .register(meters)
                .record(Duration.ofNanos(System.nanoTime() - start));
        if (outcome == Outcome.HANDLED && envelope.occurredAt() != null) {
            Timer.builder("ocop.events.delivery.delay")
                    .description("time from the producer's commit of the event to the end of its handling here")
                    .tags("stream", stream, "type", envelope.type())
                    .publishPercentiles(0.5, 0.99)
                    .register(meters)
                    .record(Duration.between(envelope.occurredAt(), clock.instant()));
        }
        return outcome;
    }

    private <T> Outcome handleOnce(String stream, EventEnvelope envelope, EventHandler<T> handler) {
        T payload = read(envelope, handler.payloadType());
        return transactions.executeWrite(status -> {
            if (!recordInInbox(status.getConnection(), stream, envelope)) {
                return Outcome.DUPLICATE;
            }
            handler.handle(payload, envelope);
            return Outcome.HANDLED;
        });
    }

    private <T> T read(EventEnvelope envelope, Class<T> type) {
        try {
            return json.readValueFromTree(envelope.data(), type);
        } catch (IOException | RuntimeException | LinkageError e) {
            throw new NonRetryableEventException("cannot read " + envelope.type() + " v" + envelope.version()
                    + " as " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    private boolean recordInInbox(Connection connection, String stream, EventEnvelope envelope) {
        try (PreparedStatement insert = connection.prepareStatement(RECORD)) {
            insert.setString(1, group);
            insert.setString(2, envelope.id().toString());
            insert.setString(3, envelope.type());
            insert.setString(4, stream);
            insert.setTimestamp(5, Timestamp.from(Instant.now(clock)));
            insert.executeUpdate();
            return true;
        } catch (SQLIntegrityConstraintViolationException duplicate) {
            return false;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record event " + envelope.id() + " in the inbox", e);
        }
    }
}
