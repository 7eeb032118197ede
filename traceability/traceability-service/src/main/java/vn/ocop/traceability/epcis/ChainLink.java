package vn.ocop.traceability.epcis;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.UUID;

/**
 * A link of a lot's chain with its event, as read back.
 *
 * @param position            1 for the lot's first event
 * @param hash                the hash stored with the link
 * @param eventRow            the event's row
 * @param eventId             its eventID
 * @param eventType           its type
 * @param eventTime           when it happened (UTC)
 * @param eventTimeZoneOffset where it happened
 * @param bizStep             its business step
 * @param disposition         its disposition
 * @param readPoint           its read point
 * @param bizLocation         its business location
 * @param body                its JSON as captured
 * @param context             its document's extra {@code @context}
 * @param recordedAt          when it was stored
 */
@Introspected
record ChainLink(int position, String hash, UUID eventRow, String eventId, String eventType, Instant eventTime,
                 String eventTimeZoneOffset, @Nullable String bizStep, @Nullable String disposition,
                 @Nullable String readPoint, @Nullable String bizLocation, String body, @Nullable String context,
                 Instant recordedAt) {
}
