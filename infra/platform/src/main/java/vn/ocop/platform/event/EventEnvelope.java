package vn.ocop.platform.event;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.UUID;

/**
 * What travels on a stream: one domain event with the metadata every consumer needs.
 *
 * @param id          UUIDv7 of the event, the consumers' de-duplication key
 * @param type        event type, e.g. {@code CheckoutPlaced}
 * @param version     schema version of {@code data} for this type
 * @param occurredAt  when the producing transaction wrote it (UTC)
 * @param aggregateId the aggregate the event is about, e.g. a checkout id
 * @param traceparent W3C trace context of the request or event that caused it
 * @param data        the event's own fields
 */
@Serdeable
public record EventEnvelope(
        UUID id,
        String type,
        int version,
        Instant occurredAt,
        String aggregateId,
        @Nullable String traceparent,
        JsonNode data) {
}
