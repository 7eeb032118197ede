package vn.ocop.catalog.product;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import vn.ocop.catalog.registry.OcopGroup;

/**
 * What a seller (or a helper, naming the seller) sends to create a product: its {@link ProductDetails}, flat, and
 * its SKUs with their opening stock.
 *
 * @param sellerId the seller the product is for; a seller may leave it out, a helper must give it
 */
@Serdeable
record NewProduct(@Nullable UUID sellerId,
                  @NotBlank @Size(max = 200) String name,
                  @Nullable @Size(max = 200) String nameEn,
                  @Nullable @Size(max = 5000) String description,
                  @Nullable @Size(max = 5000) String descriptionEn,
                  @NotNull OcopGroup ocopGroup,
                  @Nullable @Size(max = 80) String category,
                  @NotBlank @Pattern(regexp = "\\d{5}") String originCommuneCode,
                  @Nullable @Size(max = 10) List<@NotNull @Size(max = 500)
                  @Pattern(regexp = "https://\\S+", message = "must be an https URL") String> images,
                  @Nullable @Pattern(regexp = "\\d{8}|\\d{12,14}", message = "must have 8, 12, 13 or 14 digits") String gtin,
                  @NotEmpty @Size(max = 20) List<@Valid @NotNull NewSku> skus) {

    ProductDetails details() {
        return new ProductDetails(name, nameEn, description, descriptionEn, ocopGroup, category, originCommuneCode, images, gtin);
    }

    /**
     * One unit of sale.
     *
     * @param code        seller's code, unique within the product
     * @param label       e.g. "Túi 5 kg"
     * @param unit        e.g. "túi"
     * @param priceVnd    whole dong
     * @param weightGrams shipping weight
     * @param stock       opening stock
     */
    @Serdeable
    record NewSku(@NotBlank @Size(max = 40) @Pattern(regexp = "[A-Za-z0-9._-]+") String code,
                  @NotBlank @Size(max = 120) String label,
                  @NotBlank @Size(max = 32) String unit,
                  @NotNull @Positive @Max(10_000_000_000L) Long priceVnd,
                  @NotNull @Positive @Max(1_000_000) Integer weightGrams,
                  @NotNull @PositiveOrZero @Max(10_000_000) Integer stock) {
    }
}
