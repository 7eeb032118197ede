package vn.ocop.traceability.area;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Growing areas and their parts as the API shows them. */
final class AreaViews {

    private AreaViews() {
    }

    /**
     * A growing area in full.
     *
     * @param computedAreaHa  the geodesic area of the boundary (WGS 84 ellipsoid), in hectares
     * @param areaMismatch    true when it differs from the declared area by more than the configured tolerance
     * @param commune         the official commune; its name is absent if it left the official list since
     * @param rejectionReason why an officer rejected it
     * @param decidedAt       when an officer verified or rejected it
     */
    @Serdeable
    record Area(UUID id, String code, UUID sellerId, String crop, BigDecimal declaredAreaHa, BigDecimal computedAreaHa,
                boolean areaMismatch, CommunePart commune, @Nullable String legacyCommuneCode, JsonNode boundary,
                GrowingAreaStatus status, @Nullable String rejectionReason, @Nullable Instant decidedAt,
                HouseholdPart representative, List<HouseholdPart> members, List<CertificatePart> certificates,
                Instant registeredAt) {
    }

    /** A growing area in a list: everything but its boundary, households and certificates. */
    @Serdeable
    record Summary(UUID id, String code, String crop, BigDecimal declaredAreaHa, BigDecimal computedAreaHa,
                   boolean areaMismatch, CommunePart commune, GrowingAreaStatus status, Instant registeredAt) {
    }

    /**
     * A page of a seller's growing areas, newest first.
     *
     * @param nextCursor pass as {@code cursor} to read on; absent on the last page
     */
    @Serdeable
    record SummaryPage(List<Summary> items, @Nullable String nextCursor) {
    }

    @Serdeable
    record CommunePart(String code, @Nullable String name, String provinceCode) {
    }

    @Serdeable
    record HouseholdPart(String name, @Nullable String phone) {
    }

    /**
     * A certificate.
     *
     * @param expired true from the day after {@code validUntil} (Vietnam's date)
     */
    @Serdeable
    record CertificatePart(UUID id, CertificateScheme scheme, String number, String issuer, LocalDate validUntil,
                           boolean expired) {
    }

    @Serdeable
    record DiaryEntryPart(UUID id, LocalDate date, String activity, @Nullable String note, List<InputPart> inputs,
                          Instant recordedAt) {
    }

    @Serdeable
    record InputPart(String name, BigDecimal quantity, String unit) {
    }

    /**
     * A page of an area's farming diary, in date order.
     *
     * @param nextCursor pass as {@code cursor} to read on; absent on the last page
     */
    @Serdeable
    record DiaryPage(List<DiaryEntryPart> items, @Nullable String nextCursor) {
    }
}
