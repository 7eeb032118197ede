package vn.ocop.traceability.recall;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import vn.ocop.traceability.lot.LotStatus;

/**
 * A lot's recall: why, when, by whom (as what), the EPCIS event recording it, the lots made from it (recalled with
 * it), and the orders that shipped it or them, so that their buyers can be contacted.
 *
 * @param lotCode      the lot
 * @param reason       why
 * @param recalledAt   when
 * @param recalledAs   SELLER, OFFICER or ADMIN
 * @param causeLotCode when this lot was recalled because a lot it was made from was: that lot
 * @param eventId      the EPCIS event (ObjectEvent, bizStep holding, disposition recalled) on the lot's chain
 * @param downstream   the lots made from it through transformations (all levels), with their status
 * @param shipments    the orders that shipped units of the lot or of its downstream lots, in shipping order
 */
@Serdeable
public record RecallView(String lotCode, String reason, Instant recalledAt, String recalledAs, @Nullable String causeLotCode,
                         String eventId, List<DownstreamLot> downstream, List<ShipmentPart> shipments) {

    @Serdeable
    public record DownstreamLot(String lotCode, LotStatus status) {
    }

    @Serdeable
    public record ShipmentPart(UUID orderId, String orderNumber, UUID checkoutId, String lotCode, int units, String carrier,
                               String trackingNumber, Instant shippedAt) {
    }
}
