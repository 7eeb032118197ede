package vn.ocop.traceability.scan;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scan log, kept off the resolver's request path: {@link #record} only puts the scan in a bounded in-memory queue
 * (never blocking: when the queue is full the scan is dropped and counted in {@code ocop.traceability.scans.dropped});
 * a background worker takes what is queued every {@code flush-interval} (100 ms) and hands it to {@link ScanWriter},
 * which writes it in a few multi-row statements in one transaction and evaluates the counterfeit signals on it.
 *
 * <p>What a crash loses: the scans still in memory, i.e. those of the last flush interval (at 2,000 scans/s, about
 * 200), plus, while the database is refusing writes, everything queued meanwhile (at most {@code queue-capacity}). A
 * batch whose write fails is kept and retried first on the next runs ({@value #MAX_ATTEMPTS} attempts, then dropped
 * and counted), so a short database outage loses nothing. An orderly shutdown writes what is queued before the
 * application closes.
 */
@Singleton
public class ScanLog implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(ScanLog.class);
    static final int MAX_ATTEMPTS = 5;

    private final ScanWriter writer;
    private final ScanSettings settings;
    private final BlockingQueue<Scan> queue;
    private final Counter logged;
    private final Counter dropped;
    private final Object writing = new Object();
    private ScheduledExecutorService worker;
    private List<Scan> failed = List.of();
    private int attempts;

    ScanLog(ScanWriter writer, ScanSettings settings, MeterRegistry meters) {
        this.writer = writer;
        this.settings = settings;
        this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
        this.logged = Counter.builder("ocop.traceability.scans.logged").description("scans written to the scan log").register(meters);
        this.dropped = Counter.builder("ocop.traceability.scans.dropped")
                .description("scans not logged: the queue was full, or their batch failed " + MAX_ATTEMPTS + " times").register(meters);
        Gauge.builder("ocop.traceability.scans.queued", queue, BlockingQueue::size).description("scans waiting to be written")
                .register(meters);
    }

    /** Queues a scan for the log; returns at once. */
    public void record(Scan scan) {
        if (!queue.offer(scan)) {
            dropped.increment();
        }
    }

    @Override
    public synchronized void onApplicationEvent(StartupEvent event) {
        if (worker != null) {
            return;
        }
        worker = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("scan-log").daemon().factory());
        long interval = settings.flushInterval().toMillis();
        worker.scheduleWithFixedDelay(this::flush, interval, interval, TimeUnit.MILLISECONDS);
    }

    @EventListener
    void onShutdown(ShutdownEvent event) {
        stop();
    }

    /** Stops the worker and writes what is still queued. */
    @PreDestroy
    public synchronized void stop() {
        if (worker == null) {
            return;
        }
        worker.shutdown();
        try {
            worker.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        worker = null;
        flush();
    }

    /**
     * Writes a failed batch first, then what is queued, batch after batch until the queue is empty. Runs one at a time
     * (its own lock, not the one {@link #stop} holds while it waits for the worker).
     */
    void flush() {
        synchronized (writing) {
            flushQueued();
        }
    }

    private void flushQueued() {
        try {
            if (!failed.isEmpty()) {
                write(failed);
            }
            while (failed.isEmpty()) {
                List<Scan> batch = new ArrayList<>(Math.min(queue.size(), settings.maxBatch()));
                queue.drainTo(batch, settings.maxBatch());
                if (batch.isEmpty()) {
                    return;
                }
                write(batch);
            }
        } catch (RuntimeException e) {
            LOG.error("the scan log worker failed", e);
        }
    }

    private void write(List<Scan> batch) {
        try {
            writer.write(batch);
            logged.increment(batch.size());
            failed = List.of();
            attempts = 0;
        } catch (RuntimeException e) {
            attempts++;
            if (attempts >= MAX_ATTEMPTS) {
                LOG.error("dropping {} scans after {} failed writes", batch.size(), attempts, e);
                dropped.increment(batch.size());
                failed = List.of();
                attempts = 0;
            } else {
                LOG.warn("cannot write {} scans (attempt {}); retrying on the next run", batch.size(), attempts, e);
                failed = batch;
            }
        }
    }
}
