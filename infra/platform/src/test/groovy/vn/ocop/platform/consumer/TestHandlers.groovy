package vn.ocop.platform.consumer

import io.micronaut.context.annotation.Requires
import io.micronaut.serde.annotation.Serdeable
import io.micronaut.transaction.TransactionOperations
import jakarta.inject.Singleton
import java.sql.Connection
import java.util.concurrent.CountDownLatch
import java.util.concurrent.TimeUnit
import java.util.concurrent.atomic.AtomicBoolean
import java.util.concurrent.atomic.AtomicInteger
import vn.ocop.platform.event.EventEnvelope
import vn.ocop.platform.event.EventHandler

@Serdeable
class Note {
    String text
}

/** Writes one effect row per handled event, in the handler's transaction. */
abstract class EffectHandler implements EventHandler<Note> {
    final TransactionOperations<Connection> tx

    EffectHandler(TransactionOperations<Connection> tx) { this.tx = tx }

    String stream() { 'ocop.consumerspec-source' }

    Class<Note> payloadType() { Note }

    void handle(Note event, EventEnvelope envelope) {
        def insert = tx.connection.prepareStatement('INSERT INTO test_effects (event_id, handled_by, note) VALUES (?, ?, ?)')
        insert.setString(1, envelope.id().toString())
        insert.setString(2, getClass().simpleName)
        insert.setString(3, event.text)
        insert.executeUpdate()
        insert.close()
    }
}

@Singleton
@Requires(property = 'ocop.test.handlers', value = 'consumer')
class RecordingHandler extends EffectHandler {
    RecordingHandler(TransactionOperations<Connection> tx) { super(tx) }

    String type() { 'Recorded' }
}

/** Fails (after writing its effect, which must roll back) while {@link #failing} is set. */
@Singleton
@Requires(property = 'ocop.test.handlers', value = 'consumer')
class FlakyHandler extends EffectHandler {
    static final AtomicBoolean failing = new AtomicBoolean(true)

    FlakyHandler(TransactionOperations<Connection> tx) { super(tx) }

    String type() { 'Flaky' }

    void handle(Note event, EventEnvelope envelope) {
        super.handle(event, envelope)
        if (failing.get()) {
            throw new IllegalStateException("warehouse system unavailable for ${event.text}")
        }
    }
}

/** Records the order in which it handles each aggregate's events, and how many it handles at once. */
@Singleton
@Requires(property = 'ocop.test.handlers', value = 'consumer')
class SequencedHandler extends EffectHandler {
    static final List<List<String>> handled = Collections.synchronizedList([])
    static final AtomicInteger inFlight = new AtomicInteger()
    static final AtomicInteger mostAtOnce = new AtomicInteger()
    static volatile CountDownLatch overlap = new CountDownLatch(2)

    SequencedHandler(TransactionOperations<Connection> tx) { super(tx) }

    String type() { 'Sequenced' }

    void handle(Note event, EventEnvelope envelope) {
        mostAtOnce.accumulateAndGet(inFlight.incrementAndGet(), Math::max)
        try {
            super.handle(event, envelope)
            // the first two handlers meet here if they run at the same time; handled one at a time, each gives up after 1 s
            overlap.countDown()
            overlap.await(1, TimeUnit.SECONDS)
            handled << [envelope.aggregateId(), event.text]
        } finally {
            inFlight.decrementAndGet()
        }
    }
}
