package vn.ocop.traceability.product;

import io.micronaut.core.annotation.Creator;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import vn.ocop.catalog.api.ProductPublished;

/**
 * This service's copy of a published catalog product: what traceability shows next to a lot.
 *
 * @param productId  the catalog's product id
 * @param revision   the catalog revision this copy holds
 * @param sellerId   the selling account
 * @param sellerName the seller's display name
 * @param name       product name, Vietnamese
 * @param gtin       the product's GTIN as the catalog sent it, if any
 * @param updatedAt  when the catalog published the snapshot held
 * @param sellerProvinceCode the seller's province (post-2025 code), whose officers oversee the product's lots; absent
 *                           from copies of snapshots published before catalog sent it
 * @param ocopCertificate    the number of the product's OCOP certificate an officer approved, if any
 * @param ocopStars          its stars
 * @param ocopValidUntil     its last valid day (Vietnam's date)
 * @param ocopRevoked        whether the registry revoked it
 */
@MappedEntity("products")
public record Product(@Id UUID productId, long revision, UUID sellerId, String sellerName, String name,
                     @Nullable String gtin, Instant updatedAt, @Nullable String sellerProvinceCode,
                     @Nullable String ocopCertificate, @Nullable Integer ocopStars, @Nullable LocalDate ocopValidUntil,
                     boolean ocopRevoked) {

    /** The canonical constructor, the one rows are read through. */
    @Creator
    public Product {
    }

    /** A copy with no province and no certificate (as specs build them). */
    public Product(UUID productId, long revision, UUID sellerId, String sellerName, String name, @Nullable String gtin,
                   Instant updatedAt) {
        this(productId, revision, sellerId, sellerName, name, gtin, updatedAt, null, null, null, null, false);
    }

    static Product from(ProductPublished snapshot) {
        ProductPublished.OcopCertificate certificate = snapshot.ocopCertificate();
        return new Product(snapshot.productId(), snapshot.revision(), snapshot.sellerId(), snapshot.sellerName(),
                snapshot.name(), snapshot.gtin(), snapshot.publishedAt(), snapshot.sellerProvinceCode(),
                certificate == null ? null : certificate.number(), certificate == null ? null : certificate.stars(),
                certificate == null ? null : certificate.expiresOn(), certificate != null && certificate.revoked());
    }

    /** The certificate's stars when it is valid on that day (Vietnam's date): approved, not revoked, not expired. */
    public Optional<Integer> ocopStarsOn(LocalDate day) {
        return ocopValidOn(day) ? Optional.of(ocopStars) : Optional.empty();
    }

    /** Whether the product has an approved OCOP certificate valid on that day. */
    public boolean ocopValidOn(LocalDate day) {
        return ocopCertificate != null && ocopStars != null && ocopValidUntil != null && !ocopRevoked
                && !day.isAfter(ocopValidUntil);
    }

    /** The copy after a snapshot: the snapshot when it is newer, nothing when it is older or the same. */
    Optional<Product> replacedBy(ProductPublished snapshot) {
        return snapshot.revision() > revision ? Optional.of(from(snapshot)) : Optional.empty();
    }

    public boolean isSoldBy(UUID accountId) {
        return sellerId.equals(accountId);
    }
}
