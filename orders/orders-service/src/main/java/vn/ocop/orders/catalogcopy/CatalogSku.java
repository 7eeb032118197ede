package vn.ocop.orders.catalogcopy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;

/** Orders' copy of a published SKU: what a checkout line is priced and routed by. */
@MappedEntity("catalog_skus")
public record CatalogSku(@Id UUID skuId, UUID productId, long productRevision, UUID sellerId, String sellerName,
                         @Nullable String sellerProvinceCode,
                         String productName, String label, String unit, long priceVnd, int weightGrams, boolean available,
                         Instant updatedAt) {
}
