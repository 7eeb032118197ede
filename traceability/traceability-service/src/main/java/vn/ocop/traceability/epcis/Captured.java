package vn.ocop.traceability.epcis;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * What a capture stored, event by event, in document order.
 *
 * @param events the document's events
 */
@Serdeable
public record Captured(List<Event> events) {

    /**
     * One event of the document.
     *
     * @param eventID  its eventID (given, or generated as {@code urn:uuid:...} when it had none)
     * @param type     its type
     * @param status   CAPTURED, or DUPLICATE when the same event (same eventID, same canonical form) was captured before
     * @param lots     the links appended to our lots' chains; empty when it names none of our lots
     */
    @Serdeable
    public record Event(String eventID, String type, String status, List<Link> lots) {

        static final String CAPTURED = "CAPTURED";
        static final String DUPLICATE = "DUPLICATE";
    }

    /**
     * A link appended to a lot's chain.
     *
     * @param lotCode  the lot
     * @param position its position in the lot's chain
     * @param hash     its hash
     */
    @Serdeable
    public record Link(String lotCode, int position, String hash) {
    }
}
