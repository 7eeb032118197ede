package vn.ocop.catalog.registry;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.util.UUID;

/** A certificate as the public registry shows it, with its state on the day asked. */
@Serdeable
public record CertificateView(UUID id, String number, String productName, String subjectName, @Nullable String subjectCode,
                              int stars, OcopGroup group, String groupLabel, IssuingLevel issuingLevel, LocalDate issuedOn,
                              LocalDate expiresOn, String provinceCode, @Nullable String communeCode,
                              @Nullable String legacyDistrictCode, State state) {

    public enum State { VALID, EXPIRED, REVOKED }

    public static CertificateView of(Certificate c, LocalDate today) {
        State state = c.status() == CertificateStatus.REVOKED ? State.REVOKED
                : c.validOn(today) ? State.VALID : State.EXPIRED;
        return new CertificateView(c.id(), c.number(), c.productName(), c.subjectName(), c.subjectCode(), c.stars(),
                c.ocopGroup(), c.ocopGroup().label(), c.issuingLevel(), c.issuedOn(), c.expiresOn(), c.provinceCode(),
                c.communeCode(), c.legacyDistrictCode(), state);
    }
}
