package vn.ocop.traceability.lot;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import vn.ocop.traceability.gs1.Gs1;

/**
 * A seller's request to transform some of their lots into new lots, e.g. paddy milled into rice.
 *
 * @param process    what is done, e.g. "Xay xát"
 * @param yield      the stated yield, more than 0 and at most 1: outputs together must not exceed inputs together x yield
 * @param occurredOn the day it was done, not in the future (Vietnam's date); today when absent
 * @param inputs     the lots drawn from, each once, all in one unit
 * @param outputs    the lots made, in that unit
 */
@Serdeable
record TransformLots(
        @NotBlank @Size(max = 100) String process,
        @NotNull @Positive @DecimalMax("1") @Digits(integer = 1, fraction = 4) BigDecimal yield,
        @Nullable LocalDate occurredOn,
        @NotEmpty @Size(max = 50) List<@NotNull @Valid Input> inputs,
        @NotEmpty @Size(max = 50) List<@NotNull @Valid Output> outputs) {

    /**
     * @param lotCode  one of the seller's active lots
     * @param quantity how much of it goes in
     */
    @Serdeable
    record Input(@NotNull @Pattern(regexp = Gs1.LOT_PATTERN, message = "must be a lot code") String lotCode,
                 @NotNull @Positive @Digits(integer = 11, fraction = 3) BigDecimal quantity) {
    }

    /**
     * @param productId   one of the seller's published products
     * @param code        the new lot's code; generated when absent
     * @param quantity    how much came out
     * @param harvestDate the harvest date it carries; when absent, the inputs' if they all share one
     */
    @Serdeable
    record Output(@NotNull UUID productId,
                  @Nullable @Pattern(regexp = Gs1.LOT_PATTERN,
                          message = "must be 1 to 20 characters: digits, letters or !\"%&'()*+,-./:;<=>?_") String code,
                  @NotNull @Positive @Digits(integer = 11, fraction = 3) BigDecimal quantity,
                  @Nullable LocalDate harvestDate) {
    }
}
