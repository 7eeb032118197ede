package vn.ocop.payments.admin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * An administrator's refund request: {@code amountVnd} whole dong of the checkout's captured payment, for one seller
 * order's share when {@code orderId} is given. Whether the amount fits is the refund package's check (422), not a
 * validation error.
 */
@Serdeable
record RefundOrder(@NotNull UUID checkoutId, @Nullable UUID orderId, @NotNull Long amountVnd,
                   @NotBlank @Size(max = 500) String reason) {
}
