package vn.ocop.traceability.area;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A VietGAP or GlobalGAP certificate of a growing area, valid until the end of {@code validUntil} (Vietnam's date). */
@MappedEntity("growing_area_certificates")
record AreaCertificate(@Id UUID id, UUID areaId, CertificateScheme scheme, String number, String issuer,
                       LocalDate validUntil, Instant createdAt) {

    boolean isExpiredOn(LocalDate today) {
        return today.isAfter(validUntil);
    }
}
