package vn.ocop.orders.checkout;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A seller ships an order: the carrier, its tracking number, and the lot of each line.
 *
 * @param carrier        e.g. "VNPost", "GHTK", "Viettel Post"
 * @param trackingNumber the carrier's tracking number
 * @param lines          the lot each line's units came from (lines of products without lots may be left out)
 */
@Serdeable
record ShipmentRequest(@NotBlank @Size(max = 60) String carrier, @NotBlank @Size(max = 60) String trackingNumber,
                       @NotNull @Size(max = 50) List<@Valid @NotNull Line> lines) {

    @Serdeable
    record Line(@NotNull @Positive Integer lineNo, @NotBlank @Size(max = 40) String lotCode) {
    }
}
