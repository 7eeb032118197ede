package vn.ocop.traceability.epcis;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * A page of a lot's events, in chain order.
 *
 * @param lotCode    the lot
 * @param items      the events
 * @param nextCursor pass as {@code cursor} for the next page; none on the last page
 */
@Serdeable
record EventPage(String lotCode, List<Item> items, @Nullable String nextCursor) {

    /**
     * One event of the lot.
     *
     * @param position    its position in the lot's chain
     * @param eventID     its eventID
     * @param type        its type
     * @param eventTime   when it happened, at the offset where it happened
     * @param bizStep     its business step
     * @param disposition its disposition
     * @param readPoint   where it was observed
     * @param bizLocation where the things were afterwards
     * @param recordedAt  when it was stored here
     * @param hash        its link's hash in the lot's chain
     */
    @Serdeable
    record Item(int position, String eventID, String type, OffsetDateTime eventTime, @Nullable String bizStep,
                @Nullable String disposition, @Nullable String readPoint, @Nullable String bizLocation,
                Instant recordedAt, String hash) {

        static Item of(ChainLink link) {
            OffsetDateTime time;
            try {
                time = link.eventTime().atOffset(ZoneOffset.of(link.eventTimeZoneOffset()));
            } catch (java.time.DateTimeException e) {
                time = link.eventTime().atOffset(ZoneOffset.UTC);
            }
            return new Item(link.position(), link.eventId(), link.eventType(), time, link.bizStep(), link.disposition(),
                    link.readPoint(), link.bizLocation(), link.recordedAt(), link.hash());
        }
    }
}
