package vn.ocop.platform.outbox;

import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.ocop.platform.event.ServiceIdentity;

/**
 * Appends committed outbox rows to the service's stream and marks them sent.
 *
 * <p>Rows are taken with {@code FOR UPDATE SKIP LOCKED}, so several instances of a service never publish the
 * same row in normal operation; a crash between {@code XADD} and the commit of "sent" publishes it again later,
 * which consumers absorb through their inbox. Transactions that write outbox rows in this instance wake the
 * relay on commit; a slow poll covers rows from elsewhere.
 */
@Singleton
@Requires(property = "ocop.events.relay.enabled", notEquals = "false")
public class OutboxRelay implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);
    private static final String SELECT_PENDING = "SELECT seq, event_id, event_type, envelope, created_at FROM outbox "
            + "WHERE sent_at IS NULL ORDER BY seq LIMIT ? FOR UPDATE SKIP LOCKED";
    private static final String MARK_SENT = "UPDATE outbox SET sent_at = ?, stream_id = ? WHERE seq = ?";
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final TransactionOperations<Connection> transactions;
    private final StatefulRedisConnection<String, String> redis;
    private final RelayConfiguration config;
    private final RelaySignal signal;
    private final Clock clock;
    private final String stream;
    private final XAddArgs addArgs;
    private final Timer publishDelay;
    private final Counter published;
    private final Housekeeping housekeeping;
    private volatile boolean running;
    private Thread worker;

    OutboxRelay(TransactionOperations<Connection> transactions, StatefulRedisConnection<String, String> redis,
                RelayConfiguration config, RelaySignal signal, Clock clock, ServiceIdentity service, MeterRegistry meters,
                Housekeeping housekeeping) {
        this.transactions = transactions;
        this.redis = redis;
        this.config = config;
        this.signal = signal;
        this.clock = clock;
        this.stream = service.stream();
        this.housekeeping = housekeeping;
        this.addArgs = config.maxStreamLength() > 0 ? XAddArgs.Builder.maxlen(config.maxStreamLength()).approximateTrimming() : null;
        this.publishDelay = Timer.builder("ocop.outbox.publish.delay")
                .description("time from the outbox row's creation to its XADD")
                .tag("stream", stream)
                .publishPercentiles(0.5, 0.99)
                .register(meters);
        this.published = Counter.builder("ocop.outbox.published").tag("stream", stream).register(meters);
        Gauge.builder("ocop.outbox.pending", housekeeping, Housekeeping::pendingOutbox)
                .description("outbox rows not yet appended to the stream")
                .tag("stream", stream)
                .register(meters);
    }

    @Override
    public synchronized void onApplicationEvent(StartupEvent event) {
        if (worker != null) {
            return;
        }
        running = true;
        worker = Thread.ofPlatform().name("outbox-relay").daemon().start(this::run);
    }

    @EventListener
    void onShutdown(ShutdownEvent event) {
        stop();
    }

    /** Stops the relay after the batch in flight, if any. */
    @PreDestroy
    public synchronized void stop() {
        running = false;
        if (worker != null) {
            signal.wake();
            try {
                worker.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            worker = null;
        }
    }

    private void run() {
        Duration backoff = Duration.ofMillis(100);
        while (running) {
            try {
                int sent;
                do {
                    sent = publishBatch();
                } while (running && sent == config.batchSize());
                housekeeping.runIfDue();
                backoff = Duration.ofMillis(100);
                signal.await(config.pollInterval());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warn("outbox relay for {} failed; retrying in {} ms", stream, backoff.toMillis(), e);
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    /** Publishes up to one batch of pending rows; returns how many. */
    int publishBatch() {
        return transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            List<PendingRow> rows = selectPending(connection);
            if (rows.isEmpty()) {
                return 0;
            }
            var commands = redis.async();
            List<RedisFuture<String>> appends = new ArrayList<>(rows.size());
            for (PendingRow row : rows) {
                Map<String, String> fields = Map.of("id", row.eventId(), "type", row.type(), "envelope", row.envelope());
                appends.add(addArgs == null ? commands.xadd(stream, fields) : commands.xadd(stream, addArgs, fields));
            }
            if (!LettuceFutures.awaitAll(Duration.ofSeconds(10), appends.toArray(new RedisFuture<?>[0]))) {
                throw new OutboxException("XADD to " + stream + " timed out", null);
            }
            Instant now = clock.instant();
            try (PreparedStatement mark = connection.prepareStatement(MARK_SENT)) {
                for (int i = 0; i < rows.size(); i++) {
                    mark.setTimestamp(1, Timestamp.from(now));
                    mark.setString(2, appends.get(i).get());
                    mark.setLong(3, rows.get(i).seq());
                    mark.addBatch();
                    publishDelay.record(Duration.between(rows.get(i).createdAt(), now));
                }
                mark.executeBatch();
            } catch (SQLException e) {
                throw new OutboxException("cannot mark outbox rows sent", e);
            } catch (Exception e) {
                throw new OutboxException("XADD to " + stream + " failed", e);
            }
            published.increment(rows.size());
            return rows.size();
        });
    }

    private List<PendingRow> selectPending(Connection connection) {
        try (PreparedStatement select = connection.prepareStatement(SELECT_PENDING)) {
            select.setInt(1, config.batchSize());
            try (ResultSet rs = select.executeQuery()) {
                List<PendingRow> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(new PendingRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getTimestamp(5).toInstant()));
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new OutboxException("cannot read the outbox", e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record PendingRow(long seq, String eventId, String type, String envelope, Instant createdAt) {
    }
}
