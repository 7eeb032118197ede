package vn.ocop.platform.consumer;

import io.lettuce.core.RedisClient;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.ocop.platform.event.ServiceIdentity;

/**
 * Starts one {@link StreamWorker} per stream the service has handlers for, publishes their lag, pending and
 * dead-letter gauges, and stops them cleanly (after the message in hand) when the application shuts down.
 */
@Singleton
@Requires(property = "ocop.events.consumer.enabled", notEquals = "false")
public class StreamConsumers implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(StreamConsumers.class);

    private final EventHandlers handlers;
    private final RedisClient client;
    private final EventDispatcher dispatcher;
    private final DeadLetters deadLetters;
    private final ConsumerConfiguration config;
    private final ServiceIdentity service;
    private final MeterRegistry meters;
    private final String consumerName;
    private final List<StreamWorker> workers = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();

    StreamConsumers(EventHandlers handlers, RedisClient client, EventDispatcher dispatcher, DeadLetters deadLetters,
                    ConsumerConfiguration config, ServiceIdentity service, MeterRegistry meters) {
        this.handlers = handlers;
        this.client = client;
        this.dispatcher = dispatcher;
        this.deadLetters = deadLetters;
        this.config = config;
        this.service = service;
        this.meters = meters;
        this.consumerName = service.name() + "-" + ManagementFactory.getRuntimeMXBean().getName().replace('@', '-')
                + "-" + UUID.randomUUID().toString().substring(0, 8);
        Gauge.builder("ocop.events.dead_letters", deadLetters, DeadLetters::count)
                .description("messages in this service's dead-letter stream")
                .tag("group", service.group())
                .register(meters);
    }

    /** This instance's consumer name within the group. */
    public String consumerName() {
        return consumerName;
    }

    @Override
    public synchronized void onApplicationEvent(StartupEvent event) {
        if (!workers.isEmpty()) {
            return;
        }
        for (String stream : handlers.streams()) {
            var worker = new StreamWorker(stream, service.group(), consumerName, client, dispatcher, deadLetters, config);
            Gauge.builder("ocop.events.lag", worker, StreamWorker::lag)
                    .description("messages in the stream not yet delivered to this group")
                    .tags("stream", stream, "group", service.group())
                    .register(meters);
            Gauge.builder("ocop.events.pending", worker, StreamWorker::pending)
                    .description("messages delivered to this group and not yet acknowledged")
                    .tags("stream", stream, "group", service.group())
                    .register(meters);
            workers.add(worker);
            threads.add(Thread.ofPlatform().name("consumer-" + stream).start(worker));
            LOG.info("consuming {} as {} in group {}", stream, consumerName, service.group());
        }
    }

    @EventListener
    void onShutdown(ShutdownEvent event) {
        stop();
    }

    /** Stops every worker after the message it is handling, waiting at most the block time plus a margin. */
    @PreDestroy
    public synchronized void stop() {
        workers.forEach(StreamWorker::stop);
        for (Thread thread : threads) {
            try {
                thread.join(config.block().toMillis() + 10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        workers.clear();
        threads.clear();
    }
}
