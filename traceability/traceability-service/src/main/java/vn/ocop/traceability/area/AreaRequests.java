package vn.ocop.traceability.area;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** What sellers and officers send about growing areas. */
final class AreaRequests {

    /**
     * A growing-area code ("mã số vùng trồng"): no official string format exists, so only length and characters are
     * checked: 3 to 40 ASCII letters, digits and the separators {@code - . _ /}, beginning and ending with a letter or digit.
     */
    static final String CODE_PATTERN = "[A-Za-z0-9][A-Za-z0-9._/-]{1,38}[A-Za-z0-9]";
    static final String COMMUNE_PATTERN = "\\d{5}";

    private AreaRequests() {
    }

    /**
     * A seller's or cooperative's declaration of a growing area.
     *
     * @param code              the code the plant protection authority issued, as printed
     * @param crop              what grows there
     * @param declaredAreaHa    the area in hectares, as declared
     * @param communeCode       the official commune (since 1 July 2025) it lies in
     * @param legacyCommuneCode the commune before the reform, for codes issued before July 2025
     * @param boundary          GeoJSON Polygon or MultiPolygon (or a Feature of one), longitude before latitude
     * @param representative    the household representing the area
     * @param members           the other member households
     * @param certificates      its VietGAP / GlobalGAP certificates, if any
     */
    @Serdeable
    record Register(
            @NotNull @Pattern(regexp = CODE_PATTERN,
                    message = "must be 3 to 40 letters, digits or - . _ / (beginning and ending with a letter or digit)") String code,
            @NotBlank @Size(max = 100) String crop,
            @NotNull @Positive @Digits(integer = 8, fraction = 4) BigDecimal declaredAreaHa,
            @NotNull @Pattern(regexp = COMMUNE_PATTERN, message = "must be a 5-digit commune code") String communeCode,
            @Nullable @Pattern(regexp = COMMUNE_PATTERN, message = "must be a 5-digit commune code") String legacyCommuneCode,
            @NotNull JsonNode boundary,
            @NotNull @Valid HouseholdPart representative,
            @Nullable @Size(max = 500) List<@NotNull @Valid HouseholdPart> members,
            @Nullable @Size(max = 20) List<@NotNull @Valid CertificatePart> certificates) {
    }

    /**
     * A seller's corrected declaration of a growing area not verified yet (or rejected): everything but the
     * certificates, which are added one by one.
     */
    @Serdeable
    record Redeclare(
            @NotNull @Pattern(regexp = CODE_PATTERN,
                    message = "must be 3 to 40 letters, digits or - . _ / (beginning and ending with a letter or digit)") String code,
            @NotBlank @Size(max = 100) String crop,
            @NotNull @Positive @Digits(integer = 8, fraction = 4) BigDecimal declaredAreaHa,
            @NotNull @Pattern(regexp = COMMUNE_PATTERN, message = "must be a 5-digit commune code") String communeCode,
            @Nullable @Pattern(regexp = COMMUNE_PATTERN, message = "must be a 5-digit commune code") String legacyCommuneCode,
            @NotNull JsonNode boundary,
            @NotNull @Valid HouseholdPart representative,
            @Nullable @Size(max = 500) List<@NotNull @Valid HouseholdPart> members) {
    }

    /**
     * A household.
     *
     * @param name  the head of the household
     * @param phone a phone number, digits with an optional leading +
     */
    @Serdeable
    record HouseholdPart(@NotBlank @Size(max = 200) String name,
                         @Nullable @Pattern(regexp = "\\+?\\d{8,15}", message = "must be 8 to 15 digits, optionally after +")
                         String phone) {
    }

    /**
     * A certificate.
     *
     * @param scheme     VIETGAP or GLOBALGAP
     * @param number     the certificate's number
     * @param issuer     the certification body
     * @param validUntil the last day it is valid
     */
    @Serdeable
    record CertificatePart(@NotNull CertificateScheme scheme, @NotBlank @Size(max = 64) String number,
                           @NotBlank @Size(max = 200) String issuer, @NotNull LocalDate validUntil) {
    }

    /**
     * A farming-diary entry.
     *
     * @param date     the day the work was done, not in the future (Vietnam's date)
     * @param activity what was done, e.g. "Bón phân đợt 2"
     * @param note     anything else
     * @param inputs   what was used
     */
    @Serdeable
    record DiaryEntryPart(@NotNull LocalDate date, @NotBlank @Size(max = 200) String activity,
                          @Nullable @Size(max = 1000) String note,
                          @Nullable @Size(max = 50) List<@NotNull @Valid InputPart> inputs) {
    }

    /**
     * An input used: fertiliser, pesticide, seed...
     *
     * @param name     e.g. "Phân NPK 20-20-15"
     * @param quantity how much, more than zero, up to three decimals
     * @param unit     of what, e.g. "kg", "lít"
     */
    @Serdeable
    record InputPart(@NotBlank @Size(max = 200) String name,
                     @NotNull @Positive @Digits(integer = 11, fraction = 3) BigDecimal quantity,
                     @NotBlank @Size(max = 16) String unit) {
    }

    /** An officer's decision. */
    enum Decision {
        VERIFIED,
        REJECTED
    }

    /**
     * An officer's decision on a growing area.
     *
     * @param decision VERIFIED or REJECTED
     * @param reason   why, required for a rejection
     */
    @Serdeable
    record Verification(@NotNull Decision decision, @Nullable @Size(max = 500) String reason) {
    }
}
