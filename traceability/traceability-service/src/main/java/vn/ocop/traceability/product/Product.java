package vn.ocop.traceability.product;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
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
 */
@MappedEntity("products")
public record Product(@Id UUID productId, long revision, UUID sellerId, String sellerName, String name,
                     @Nullable String gtin, Instant updatedAt) {

    static Product from(ProductPublished snapshot) {
        return new Product(snapshot.productId(), snapshot.revision(), snapshot.sellerId(), snapshot.sellerName(),
                snapshot.name(), snapshot.gtin(), snapshot.publishedAt());
    }

    /** The copy after a snapshot: the snapshot when it is newer, nothing when it is older or the same. */
    Optional<Product> replacedBy(ProductPublished snapshot) {
        return snapshot.revision() > revision ? Optional.of(from(snapshot)) : Optional.empty();
    }

    public boolean isSoldBy(UUID accountId) {
        return sellerId.equals(accountId);
    }
}
