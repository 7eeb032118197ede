package vn.ocop.catalog.registry;

import java.util.Collection;
import java.util.UUID;

/** In-process notice, inside the changing transaction, that these certificates changed (stars, expiry, status). */
public record CertificatesChanged(Collection<UUID> certificateIds) {
}
