package vn.ocop.platform.consumer;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.Map;

/**
 * A message that could not be handled: where it came from, how often it was tried, the last error seen.
 *
 * @param id         its id in the dead-letter stream
 * @param stream     the stream it was read from
 * @param messageId  its id there
 * @param eventId    the envelope's id, when it could be read
 * @param type       the envelope's type, when it could be read
 * @param deliveries how many times it was delivered
 * @param error      the last error
 * @param deadAt     when it was moved here
 * @param envelope   the message's envelope as received
 */
@Serdeable
public record DeadLetter(String id, String stream, String messageId, @Nullable String eventId, @Nullable String type,
                         long deliveries, String error, Instant deadAt, @Nullable String envelope) {

    static DeadLetter fromFields(String id, Map<String, String> fields) {
        return new DeadLetter(id, fields.get("stream"), fields.get("messageId"), fields.get("eventId"), fields.get("type"),
                Long.parseLong(fields.getOrDefault("deliveries", "0")), fields.getOrDefault("error", ""),
                Instant.parse(fields.getOrDefault("deadAt", Instant.EPOCH.toString())), fields.get("envelope"));
    }
}
