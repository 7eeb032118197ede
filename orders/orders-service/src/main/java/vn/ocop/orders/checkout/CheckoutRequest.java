package vn.ocop.orders.checkout;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import vn.ocop.payments.api.PaymentMethod;

/** What a buyer sends to check out: lines from any sellers, where to ship, how to pay. */
@Serdeable
record CheckoutRequest(@NotEmpty @Size(max = 50) List<@Valid @NotNull Line> lines,
                       @NotNull @Valid ShippingAddress shippingAddress,
                       @NotNull PaymentMethod paymentMethod) {

    @Serdeable
    record Line(@NotNull UUID skuId, @NotNull @Positive @Max(1000) Integer quantity) {
    }

    /**
     * A post-2025 address: province and commune codes, street.
     *
     * @param recipientName who receives the parcel
     * @param phone         Vietnamese phone number
     * @param street        house number, street, hamlet
     * @param communeCode   5-digit commune code
     * @param provinceCode  2-digit province code
     */
    @Serdeable
    record ShippingAddress(@NotBlank @Size(max = 120) String recipientName,
                           @NotBlank @Pattern(regexp = "(\\+84|84|0)[35789]\\d{8}", message = "must be a Vietnamese mobile number")
                           String phone,
                           @NotBlank @Size(max = 300) String street,
                           @NotBlank @Pattern(regexp = "\\d{5}", message = "must be a 5-digit commune code") String communeCode,
                           @NotBlank @Pattern(regexp = "\\d{2}", message = "must be a 2-digit province code") String provinceCode) {
    }
}
