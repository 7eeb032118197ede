package vn.ocop.traceability.lot;

import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A transformation as its seller (and officers) see it.
 *
 * @param inputs  the lots drawn from, with how much of each went in, in lot-code order
 * @param outputs the lots made, in lot-code order
 */
@Serdeable
record TransformationView(UUID id, String process, BigDecimal yield, String unit, LocalDate occurredOn,
                          List<InputPart> inputs, List<LotResponse> outputs, Instant recordedAt) {

    /**
     * @param lotCode   the input lot
     * @param quantity  how much of it went in
     * @param remaining how much of it is left now
     */
    @Serdeable
    record InputPart(String lotCode, BigDecimal quantity, BigDecimal remaining, LotStatus status) {
    }
}
