package vn.ocop.catalog.product;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import vn.ocop.catalog.registry.OcopGroup;

/**
 * What describes a product, as a seller sends it on creation and on every edit.
 *
 * @param ocopGroup         one of the six OCOP groups
 * @param category          the seller's finer category, e.g. "Gạo", "Nước mắm"
 * @param originCommuneCode the (post-2025) commune where it is made or grown
 * @param images            photo URLs (https), first one shown in lists
 * @param gtin              GTIN-8/12/13/14, check digit verified
 */
@Serdeable
public record ProductDetails(@NotBlank @Size(max = 200) String name,
                             @Nullable @Size(max = 200) String nameEn,
                             @Nullable @Size(max = 5000) String description,
                             @Nullable @Size(max = 5000) String descriptionEn,
                             @NotNull OcopGroup ocopGroup,
                             @Nullable @Size(max = 80) String category,
                             @NotBlank @Pattern(regexp = "\\d{5}") String originCommuneCode,
                             @Nullable @Size(max = 10) List<@NotNull @Size(max = 500)
                             @Pattern(regexp = "https://\\S+", message = "must be an https URL") String> images,
                             @Nullable @Pattern(regexp = "\\d{8}|\\d{12,14}", message = "must have 8, 12, 13 or 14 digits")
                             String gtin) {
}
