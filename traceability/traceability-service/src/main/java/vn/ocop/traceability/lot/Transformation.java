package vn.ocop.traceability.lot;

import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A transformation of lots into other lots (paddy milled into rice): what went in, what came out, at what yield.
 *
 * @param process    what was done, e.g. "Xay xát"
 * @param yieldRatio the stated yield: the outputs together are at most the inputs together times this
 * @param unit       the unit of every input and output
 * @param occurredOn the day it was done (Vietnam's date)
 */
@MappedEntity("transformations")
record Transformation(@Id UUID id, UUID sellerId, String process, BigDecimal yieldRatio, String unit, LocalDate occurredOn,
                      Instant createdAt) {

    /** How much of an input lot went in. */
    @MappedEntity("transformation_inputs")
    record Input(@EmbeddedId Key key, BigDecimal quantity) {
    }

    /** A lot that came out (its quantity is the lot's). */
    @MappedEntity("transformation_outputs")
    record Output(@EmbeddedId Key key) {
    }

    @Embeddable
    record Key(@MappedProperty("transformation_id") UUID transformationId, @MappedProperty("lot_id") UUID lotId) {
    }
}
