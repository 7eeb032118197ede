package vn.ocop.traceability.epcis;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import java.time.Instant;
import java.util.UUID;

/**
 * A captured EPCIS event, kept as captured, with the columns queries use.
 *
 * @param id                  our row id
 * @param eventId             its {@code eventID}, or the {@code urn:uuid:} one given to it when it had none
 * @param eventType           ObjectEvent, AggregationEvent, TransformationEvent, AssociationEvent or TransactionEvent
 * @param eventTime           when it happened (UTC)
 * @param eventTimeZoneOffset the offset where it happened, e.g. {@code +07:00}
 * @param action              ADD, OBSERVE or DELETE, when the type has one
 * @param bizStep             e.g. {@code shipping} or a URI
 * @param disposition         e.g. {@code in_transit} or a URI
 * @param readPoint           the read point's id
 * @param bizLocation         the business location's id
 * @param body                the event's JSON as captured (without insignificant whitespace)
 * @param context             the {@code @context} of the document it came in, as JSON, when it was not only the GS1 one
 * @param contentSha256       SHA-256 of the canonical (JCS) form of {@code body}
 * @param source              how it arrived: {@code capture} (the API) or the flow that recorded it
 * @param capturedBy          the account that captured it through the API
 * @param recordedAt          when this service stored it (EPCIS recordTime)
 */
@MappedEntity("epcis_events")
record StoredEvent(@Id UUID id, String eventId, String eventType, Instant eventTime, String eventTimeZoneOffset,
                   @Nullable String action, @Nullable String bizStep, @Nullable String disposition,
                   @Nullable String readPoint, @Nullable String bizLocation, String body, @Nullable String context,
                   @MappedProperty("content_sha256") String contentSha256, String source, @Nullable UUID capturedBy,
                   Instant recordedAt) {
}
