package vn.ocop.catalog.product;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import java.time.Instant;
import java.util.UUID;
import vn.ocop.platform.problem.ProblemException;

/**
 * A seller's product. {@code revision} counts published snapshots: it grows whenever buyers could see a change, so
 * that other services keep only the newest copy.
 */
@MappedEntity("products")
public record Product(@Id UUID id, UUID sellerId, String name, String searchKey, @Nullable String description,
                      @Nullable String gtin, ProductStatus status, long revision, @Nullable Instant publishedAt,
                      Instant createdAt, Instant updatedAt, @Version long version) {

    public boolean published() {
        return status == ProductStatus.PUBLISHED;
    }

    Product publish(Instant now) {
        if (status == ProductStatus.PUBLISHED) {
            throw ProblemException.conflict("product_already_published", "Product {0} is already published", id);
        }
        return new Product(id, sellerId, name, searchKey, description, gtin, ProductStatus.PUBLISHED, revision + 1, now,
                createdAt, now, version);
    }
}
