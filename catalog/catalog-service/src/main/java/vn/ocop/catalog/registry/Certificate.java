package vn.ocop.catalog.registry;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * An OCOP certificate from the official list.
 *
 * @param number             the certificate (or decision) number, unique; what re-imports match on
 * @param subjectCode        the OCOP subject's tax code or registration number, when the list gives it
 * @param expiresOn          36 months after issue unless the list says otherwise
 * @param legacyDistrictCode the district before the July 2025 reform, for certificates issued before it
 */
@MappedEntity("ocop_certificates")
public record Certificate(@Id UUID id, String number, String productName, String subjectName, @Nullable String subjectCode,
                          int stars, OcopGroup ocopGroup, IssuingLevel issuingLevel, LocalDate issuedOn, LocalDate expiresOn,
                          String provinceCode, @Nullable String communeCode, @Nullable String legacyDistrictCode,
                          CertificateStatus status, Instant createdAt, Instant updatedAt, @Version long version) {

    /** Valid on that day: not revoked and not expired. */
    public boolean validOn(LocalDate day) {
        return status == CertificateStatus.VALID && !day.isAfter(expiresOn);
    }

    /** Same content as what a row of the list says (ids and timestamps aside). */
    boolean sameAs(Certificate other) {
        return number.equals(other.number) && productName.equals(other.productName) && subjectName.equals(other.subjectName)
                && Objects.equals(subjectCode, other.subjectCode) && stars == other.stars && ocopGroup == other.ocopGroup
                && issuingLevel == other.issuingLevel && issuedOn.equals(other.issuedOn) && expiresOn.equals(other.expiresOn)
                && provinceCode.equals(other.provinceCode) && Objects.equals(communeCode, other.communeCode)
                && Objects.equals(legacyDistrictCode, other.legacyDistrictCode) && status == other.status;
    }

    /** This certificate with a re-imported row's content. */
    Certificate updatedFrom(Certificate row, Instant now) {
        return new Certificate(id, row.number, row.productName, row.subjectName, row.subjectCode, row.stars, row.ocopGroup,
                row.issuingLevel, row.issuedOn, row.expiresOn, row.provinceCode, row.communeCode, row.legacyDistrictCode,
                row.status, createdAt, now, version);
    }
}
