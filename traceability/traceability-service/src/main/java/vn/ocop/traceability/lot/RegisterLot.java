package vn.ocop.traceability.lot;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import vn.ocop.traceability.gs1.Gs1;

/**
 * A seller's request to register a lot.
 *
 * @param productId   one of the seller's published products
 * @param code        the seller's own lot code, a GS1 lot number; generated when absent
 * @param quantity    how much, more than zero, up to three decimals
 * @param unit        of what, e.g. "kg"
 * @param harvestDate when it was harvested, not in the future (Vietnam's date)
 * @param growingAreaId the seller's growing area it was harvested from, if any (not one an officer rejected)
 */
@Serdeable
record RegisterLot(
        @NotNull UUID productId,
        @Nullable @Pattern(regexp = Gs1.LOT_PATTERN,
                message = "must be 1 to 20 characters: digits, letters or !\"%&'()*+,-./:;<=>?_") String code,
        @NotNull @Positive @Digits(integer = 11, fraction = 3) BigDecimal quantity,
        @NotBlank @Size(max = 16) String unit,
        @Nullable LocalDate harvestDate,
        @Nullable UUID growingAreaId) {
}
