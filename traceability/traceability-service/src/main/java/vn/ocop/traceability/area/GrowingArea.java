package vn.ocop.traceability.area;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import vn.ocop.platform.problem.ProblemException;

/**
 * A growing area ("vùng trồng") declared by a seller or cooperative, verified by an officer of its province.
 *
 * @param id                the area
 * @param code              its growing-area code ("mã số vùng trồng") as given
 * @param sellerId          the seller or cooperative that manages it
 * @param crop              what grows there, e.g. "Lúa ST25"
 * @param declaredAreaHa    the area declared, in hectares
 * @param computedAreaHa    the geodesic area of the boundary, in hectares
 * @param areaMismatch      whether the two differ by more than the configured tolerance
 * @param communeCode       the official (post-July-2025) commune it lies in
 * @param provinceCode      that commune's province
 * @param legacyCommuneCode the commune before the reform, when the seller gave it (codes issued before July 2025)
 * @param boundary          GeoJSON Polygon or MultiPolygon
 * @param status            see {@link GrowingAreaStatus}
 * @param rejectionReason   why an officer rejected it
 * @param decidedBy         the officer who verified or rejected it
 * @param decidedAt         when
 * @param createdAt         when it was declared
 */
@MappedEntity("growing_areas")
public record GrowingArea(@Id UUID id, String code, UUID sellerId, String crop, BigDecimal declaredAreaHa,
                          BigDecimal computedAreaHa, boolean areaMismatch, String communeCode, String provinceCode,
                          @Nullable String legacyCommuneCode, String boundary, GrowingAreaStatus status,
                          @Nullable String rejectionReason, @Nullable UUID decidedBy, @Nullable Instant decidedAt,
                          Instant createdAt) {

    public boolean isOwnedBy(UUID accountId) {
        return sellerId.equals(accountId);
    }

    /**
     * Declared anew by its seller, awaiting verification again: only an area not verified yet, or rejected, can be.
     *
     * @throws ProblemException 409 {@code growing_area_verified} once an officer verified it
     */
    GrowingArea redeclared(String newCode, String newCrop, BigDecimal declared, BigDecimal computed, boolean mismatch,
                           String commune, String province, @Nullable String legacyCommune, String geoJson) {
        if (status == GrowingAreaStatus.VERIFIED) {
            throw ProblemException.conflict("growing_area_verified",
                    "Growing area {0} was verified by the province and can no longer be changed", code);
        }
        return new GrowingArea(id, newCode, sellerId, newCrop, declared, computed, mismatch, commune, province,
                legacyCommune, geoJson, GrowingAreaStatus.UNVERIFIED, null, null, null, createdAt);
    }

    /** Verified by {@code officer}: only an unverified area can be. */
    GrowingArea verified(UUID officer, Instant at) {
        requireUndecided();
        return new GrowingArea(id, code, sellerId, crop, declaredAreaHa, computedAreaHa, areaMismatch, communeCode,
                provinceCode, legacyCommuneCode, boundary, GrowingAreaStatus.VERIFIED, null, officer, at, createdAt);
    }

    /** Rejected by {@code officer} for {@code reason}: only an unverified area can be. */
    GrowingArea rejected(UUID officer, String reason, Instant at) {
        requireUndecided();
        return new GrowingArea(id, code, sellerId, crop, declaredAreaHa, computedAreaHa, areaMismatch, communeCode,
                provinceCode, legacyCommuneCode, boundary, GrowingAreaStatus.REJECTED, reason, officer, at, createdAt);
    }

    private void requireUndecided() {
        if (status != GrowingAreaStatus.UNVERIFIED) {
            throw ProblemException.conflict("growing_area_decided", "Growing area {0} is already {1}", code, status);
        }
    }
}
