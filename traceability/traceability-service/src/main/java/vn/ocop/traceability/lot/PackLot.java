package vn.ocop.traceability.lot;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/**
 * A seller's request to pack part of a lot into units.
 *
 * @param unitCount how many units, 1 to 1,000,000
 * @param unitSize  how much each holds, in the lot's unit (5 for 5 kg bags of a lot counted in kg)
 * @param packaging what a unit is, e.g. "túi 5 kg"
 */
@Serdeable
record PackLot(@NotNull @Positive @Max(1_000_000) Integer unitCount,
               @NotNull @Positive @Digits(integer = 11, fraction = 3) BigDecimal unitSize,
               @NotBlank @Size(max = 50) String packaging) {
}
