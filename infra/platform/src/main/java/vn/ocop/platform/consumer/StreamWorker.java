package vn.ocop.platform.consumer;

import io.lettuce.core.Consumer;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisBusyException;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAutoClaimArgs;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XPendingArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.models.stream.PendingMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.ocop.platform.event.NonRetryableEventException;

/**
 * Reads one stream for the service's consumer group on a connection of its own: blocking {@code XREADGROUP}
 * for new messages, {@code XAUTOCLAIM} for messages left pending past the idle timeout (by a consumer that
 * died, or by a handler that failed), dead-lettering those delivered too often.
 */
final class StreamWorker implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(StreamWorker.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    private static final Duration STALE_CONSUMER = Duration.ofHours(24);
    private static final int MAX_REMEMBERED_ERRORS = 1000;

    private final String stream;
    private final String group;
    private final Consumer<String> consumer;
    private final RedisClient client;
    private final EventDispatcher dispatcher;
    private final DeadLetters deadLetters;
    private final ConsumerConfiguration config;
    private final Duration claimEvery;
    private final AtomicLong lag = new AtomicLong();
    private final AtomicLong pending = new AtomicLong();
    private final Map<String, String> lastErrors = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > MAX_REMEMBERED_ERRORS;
        }
    };
    /** Virtual threads handling the events of a batch at once. */
    private final ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();
    private volatile boolean running = true;
    private Instant nextClaim = Instant.EPOCH;
    private Instant nextHousekeeping = Instant.EPOCH;

    StreamWorker(String stream, String group, String consumerName, RedisClient client, EventDispatcher dispatcher,
                 DeadLetters deadLetters, ConsumerConfiguration config) {
        this.stream = stream;
        this.group = group;
        this.consumer = Consumer.from(group, consumerName);
        this.client = client;
        this.dispatcher = dispatcher;
        this.deadLetters = deadLetters;
        this.config = config;
        Duration half = config.claimIdle().dividedBy(2);
        this.claimEvery = half.compareTo(Duration.ofSeconds(5)) > 0 ? Duration.ofSeconds(5) : half;
    }

    String stream() {
        return stream;
    }

    long lag() {
        return lag.get();
    }

    long pending() {
        return pending.get();
    }

    void stop() {
        running = false;
    }

    @Override
    @SuppressWarnings("unchecked") // XREADGROUP takes StreamOffset varargs
    public void run() {
        Duration backoff = Duration.ofMillis(100);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            connection.setTimeout(config.block().plusSeconds(10));
            RedisCommands<String, String> commands = connection.sync();
            createGroup(commands);
            var readArgs = XReadArgs.Builder.block(config.block()).count(config.batchSize());
            var offset = XReadArgs.StreamOffset.lastConsumed(stream);
            while (running) {
                try {
                    if (!Instant.now().isBefore(nextClaim)) {
                        reclaim(commands);
                        refreshStats(commands);
                        nextClaim = Instant.now().plus(claimEvery);
                    }
                    deliverAll(commands, commands.xreadgroup(consumer, readArgs, offset));
                    backoff = Duration.ofMillis(100);
                } catch (RedisCommandExecutionException e) {
                    if (e.getMessage() != null && e.getMessage().startsWith("NOGROUP")) {
                        LOG.warn("consumer group {} of {} is gone (Redis restarted without data?); recreating it", group, stream);
                        createGroup(commands);
                    } else {
                        backoff = pause(e, backoff);
                    }
                } catch (RuntimeException e) {
                    backoff = pause(e, backoff);
                }
            }
        } catch (RuntimeException e) {
            LOG.error("consumer of {} stopped: {}", stream, e.toString(), e);
        }
        handlers.close();
        LOG.info("consumer {} of {} stopped", consumer.getName(), stream);
    }

    private void createGroup(RedisCommands<String, String> commands) {
        try {
            // From the start of the stream: a new service builds its local copies from the whole history it can see.
            commands.xgroupCreate(XReadArgs.StreamOffset.from(stream, "0-0"), group, XGroupCreateArgs.Builder.mkstream());
            LOG.info("created consumer group {} on {}", group, stream);
        } catch (RedisBusyException alreadyThere) {
            LOG.debug("consumer group {} on {} exists", group, stream);
        }
    }

    /**
     * Handles a batch: events of one aggregate one after the other in stream order, different aggregates at once (up to
     * {@code concurrency}), each in its own transaction, each acknowledged after its commit. Handlers already tolerate
     * reordering across aggregates and streams (their transitions check the current state, under row locks).
     */
    private void deliverAll(RedisCommands<String, String> commands, List<StreamMessage<String, String>> messages) {
        if (config.concurrency() <= 1 || messages.size() <= 1) {
            messages.forEach(message -> deliver(commands, message, 1));
            return;
        }
        Map<String, List<StreamMessage<String, String>>> byAggregate = new LinkedHashMap<>();
        for (StreamMessage<String, String> message : messages) {
            byAggregate.computeIfAbsent(partitionOf(message), key -> new ArrayList<>()).add(message);
        }
        Semaphore slots = new Semaphore(config.concurrency());
        List<Callable<Void>> parts = byAggregate.values().stream().<Callable<Void>>map(part -> () -> {
            slots.acquire();
            try {
                part.forEach(message -> deliver(commands, message, 1));
            } finally {
                slots.release();
            }
            return null;
        }).toList();
        try {
            for (Future<Void> done : handlers.invokeAll(parts)) {
                done.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } catch (ExecutionException e) {
            throw new IllegalStateException("handling a batch of " + stream + " failed", e.getCause());
        }
    }

    /** The aggregate a message is about; a message that cannot be read is a partition of its own (and is dead-lettered). */
    private String partitionOf(StreamMessage<String, String> message) {
        try {
            String envelope = message.getBody() == null ? null : message.getBody().get("envelope");
            return envelope == null ? message.getId() : dispatcher.parse(envelope).aggregateId();
        } catch (RuntimeException unreadable) {
            return message.getId();
        }
    }

    private void deliver(RedisCommands<String, String> commands, StreamMessage<String, String> message, long deliveries) {
        if (message.getBody() == null || message.getBody().isEmpty()) {
            commands.xack(stream, group, message.getId()); // trimmed from the stream while pending: nothing to handle
            return;
        }
        try {
            var envelope = dispatcher.parse(message.getBody().get("envelope"));
            dispatcher.dispatch(stream, envelope);
            commands.xack(stream, group, message.getId());
            forgetError(message.getId());
        } catch (NonRetryableEventException e) {
            LOG.error("message {} of {} cannot be handled; dead-lettering it: {}", message.getId(), stream, e.getMessage());
            deadLetters.move(commands, stream, group, message, deliveries, e.getMessage());
        } catch (VirtualMachineError e) {
            throw e;
        } catch (RuntimeException | Error e) {
            // An Error from handler code (a linkage or assertion error) must not end the consumer thread.
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            rememberError(message.getId(), error);
            LOG.warn("handling message {} of {} failed (delivery {} of {}); it stays pending and will be retried after {}",
                    message.getId(), stream, deliveries, config.maxDeliveries(), config.claimIdle(), e);
        }
    }

    /** Claims messages pending longer than the idle timeout; handles them, or dead-letters those tried too often. */
    private void reclaim(RedisCommands<String, String> commands) {
        String cursor = "0-0";
        for (int round = 0; round < 10 && running; round++) {
            var claimed = commands.xautoclaim(stream, new XAutoClaimArgs<String>()
                    .consumer(consumer).minIdleTime(config.claimIdle()).startId(cursor).count(config.batchSize()));
            List<StreamMessage<String, String>> messages = claimed.getMessages();
            if (!messages.isEmpty()) {
                Map<String, Long> deliveries = deliveryCounts(commands, messages);
                for (StreamMessage<String, String> message : messages) {
                    long count = deliveries.getOrDefault(message.getId(), 1L);
                    if (count > config.maxDeliveries()) {
                        String error = recallError(message.getId());
                        LOG.error("message {} of {} failed {} deliveries; dead-lettering it (last error: {})",
                                message.getId(), stream, count - 1, error);
                        deadLetters.move(commands, stream, group, message, count - 1, error);
                        forgetError(message.getId());
                    } else {
                        deliver(commands, message, count);
                    }
                }
            }
            cursor = claimed.getId();
            if ("0-0".equals(cursor)) {
                return;
            }
        }
    }

    private Map<String, Long> deliveryCounts(RedisCommands<String, String> commands, List<StreamMessage<String, String>> messages) {
        List<PendingMessage> pendingMessages = commands.xpending(stream, new XPendingArgs<String>()
                .consumer(consumer)
                .range(Range.create(messages.getFirst().getId(), messages.getLast().getId()))
                .limit(Limit.from(messages.size() * 2L)));
        Map<String, Long> counts = new LinkedHashMap<>();
        for (PendingMessage message : pendingMessages) {
            counts.put(message.getId(), message.getRedeliveryCount());
        }
        return counts;
    }

    private void refreshStats(RedisCommands<String, String> commands) {
        for (Object entry : commands.xinfoGroups(stream)) {
            Map<String, Object> info = pairs(entry);
            if (group.equals(info.get("name"))) {
                pending.set(asLong(info.get("pending")));
                lag.set(asLong(info.get("lag")));
            }
        }
        if (!Instant.now().isBefore(nextHousekeeping)) {
            nextHousekeeping = Instant.now().plus(Duration.ofMinutes(10));
            removeStaleConsumers(commands);
        }
    }

    /** Consumers of instances that are gone and have nothing pending: forget them. */
    private void removeStaleConsumers(RedisCommands<String, String> commands) {
        for (Object entry : commands.xinfoConsumers(stream, group)) {
            Map<String, Object> info = pairs(entry);
            String name = String.valueOf(info.get("name"));
            if (!name.equals(consumer.getName()) && asLong(info.get("pending")) == 0
                    && asLong(info.get("idle")) > STALE_CONSUMER.toMillis()) {
                commands.xgroupDelconsumer(stream, Consumer.from(group, name));
            }
        }
    }

    private Duration pause(RuntimeException e, Duration backoff) {
        if (!running) {
            return backoff;
        }
        LOG.warn("reading {} failed; retrying in {} ms: {}", stream, backoff.toMillis(), e.toString());
        try {
            Thread.sleep(backoff);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            running = false;
        }
        Duration next = backoff.multipliedBy(2);
        return next.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : next;
    }

    // lastErrors is touched by the handlers of one batch at once.
    private synchronized void rememberError(String id, String error) {
        lastErrors.put(id, error);
    }

    private synchronized String recallError(String id) {
        return lastErrors.getOrDefault(id, "not handled within " + config.claimIdle() + " (consumer died or handler failed elsewhere)");
    }

    private synchronized void forgetError(String id) {
        lastErrors.remove(id);
    }

    private static Map<String, Object> pairs(Object entry) {
        Map<String, Object> map = new LinkedHashMap<>();
        if (entry instanceof List<?> list) {
            for (int i = 0; i + 1 < list.size(); i += 2) {
                map.put(String.valueOf(list.get(i)), list.get(i + 1));
            }
        }
        return map;
    }

    private static long asLong(Object value) {
        if (value instanceof Number number) {
            return number.longValue();
        }
        try {
            return value == null ? 0 : Long.parseLong(value.toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
