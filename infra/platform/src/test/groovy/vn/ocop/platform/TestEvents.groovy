package vn.ocop.platform

import io.lettuce.core.Range
import io.lettuce.core.api.StatefulRedisConnection
import io.micronaut.json.JsonMapper
import java.time.Instant
import vn.ocop.platform.event.EventEnvelope
import vn.ocop.platform.event.Ids
import vn.ocop.platform.trace.TraceContext

/** Puts events on the real streams as a producing service would, and reads them back. */
class TestEvents {

    static EventEnvelope envelope(JsonMapper json, String type, String aggregateId, Object data, int version = 1) {
        new EventEnvelope(Ids.newId(), type, version, Instant.now(), aggregateId, TraceContext.newRoot(), json.writeValueToTree(data))
    }

    static String append(StatefulRedisConnection<String, String> redis, JsonMapper json, String stream, EventEnvelope envelope) {
        redis.sync().xadd(stream, [id: envelope.id().toString(), type: envelope.type(), envelope: json.writeValueAsString(envelope)])
    }

    static EventEnvelope publish(StatefulRedisConnection<String, String> redis, JsonMapper json, String stream, String type,
                                 String aggregateId, Object data) {
        def envelope = envelope(json, type, aggregateId, data)
        append(redis, json, stream, envelope)
        envelope
    }

    /** The envelopes of one type on a stream, oldest first, as maps. */
    static List<Map> read(StatefulRedisConnection<String, String> redis, JsonMapper json, String stream, String type) {
        redis.sync().xrange(stream, Range.create('-', '+'))
                .findAll { it.body.type == type }
                .collect { json.readValue(it.body.envelope, Map) }
    }
}
