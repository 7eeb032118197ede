package vn.ocop.catalog.registry;

import java.util.Optional;
import vn.ocop.platform.text.SearchKeys;

/** As recorded by the trade office; a VALID certificate past its expiry date is shown as expired. */
public enum CertificateStatus {
    VALID, REVOKED;

    static Optional<CertificateStatus> parse(String text) {
        return switch (SearchKeys.fold(text)) {
            case "", "valid", "hieu luc", "con hieu luc" -> Optional.of(VALID);
            case "revoked", "thu hoi", "da thu hoi" -> Optional.of(REVOKED);
            default -> Optional.empty();
        };
    }
}
