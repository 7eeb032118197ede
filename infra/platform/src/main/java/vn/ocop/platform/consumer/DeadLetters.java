package vn.ocop.platform.consumer;

import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.ocop.platform.event.ServiceIdentity;

/**
 * The service's dead-letter stream ({@code ocop.<service>.dead-letters}): where its consumers put messages that
 * failed too often or cannot be read, for an operator to inspect, replay through the normal handler, or discard.
 */
@Singleton
public class DeadLetters {

    private final StatefulRedisConnection<String, String> redis;
    private final EventDispatcher dispatcher;
    private final Clock clock;
    private final String stream;

    DeadLetters(StatefulRedisConnection<String, String> redis, EventDispatcher dispatcher, Clock clock, ServiceIdentity service) {
        this.redis = redis;
        this.dispatcher = dispatcher;
        this.clock = clock;
        this.stream = service.deadLetterStream();
    }

    public String stream() {
        return stream;
    }

    /**
     * Moves a message from {@code source} to the dead-letter stream and acknowledges it there, in one
     * {@code MULTI}/{@code EXEC} on the caller's own connection.
     */
    void move(RedisCommands<String, String> commands, String source, String group, StreamMessage<String, String> message,
              long deliveries, String error) {
        Map<String, String> body = message.getBody() == null ? Map.of() : message.getBody();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("stream", source);
        fields.put("messageId", message.getId());
        putIfPresent(fields, "eventId", body.get("id"));
        putIfPresent(fields, "type", body.get("type"));
        putIfPresent(fields, "envelope", body.get("envelope"));
        fields.put("deliveries", Long.toString(deliveries));
        fields.put("error", error == null ? "unknown" : error);
        fields.put("deadAt", clock.instant().toString());
        commands.multi();
        commands.xadd(stream, fields);
        commands.xack(source, group, message.getId());
        commands.exec();
    }

    /** Newest first; {@code before} is an exclusive dead-letter id to page from. */
    public List<DeadLetter> list(int limit, String before) {
        Range<String> range = before == null
                ? Range.create("-", "+")
                : Range.from(Range.Boundary.unbounded(), Range.Boundary.excluding(before));
        return redis.sync().xrevrange(stream, range, Limit.from(limit)).stream()
                .map(m -> DeadLetter.fromFields(m.getId(), m.getBody()))
                .toList();
    }

    public Optional<DeadLetter> find(String id) {
        return redis.sync().xrange(stream, Range.create(id, id)).stream()
                .findFirst()
                .map(m -> DeadLetter.fromFields(m.getId(), m.getBody()));
    }

    public long count() {
        Long length = redis.sync().xlen(stream);
        return length == null ? 0 : length;
    }

    /**
     * Hands the message to its handler again, exactly as a delivery would (inbox included), and removes it from
     * the dead-letter stream when that succeeds. A failure leaves it in place and propagates.
     */
    public Optional<EventDispatcher.Outcome> replay(String id) {
        return find(id).map(letter -> {
            var outcome = dispatcher.dispatch(letter.stream(), dispatcher.parse(letter.envelope()));
            redis.sync().xdel(stream, id);
            return outcome;
        });
    }

    public boolean discard(String id) {
        Long removed = redis.sync().xdel(stream, id);
        return removed != null && removed > 0;
    }

    private static void putIfPresent(Map<String, String> fields, String key, String value) {
        if (value != null) {
            fields.put(key, value);
        }
    }
}
