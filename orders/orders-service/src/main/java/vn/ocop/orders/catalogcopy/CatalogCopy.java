package vn.ocop.orders.catalogcopy;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.ocop.catalog.api.CatalogEvents;
import vn.ocop.catalog.api.ProductPublished;
import vn.ocop.platform.event.EventHandler;

/**
 * Keeps the SKU copy current from catalog's product snapshots. A snapshot older than (or as old as) the copy is
 * ignored, so duplicates and reordering are harmless; SKUs that left the product stop being orderable.
 */
@Factory
class CatalogCopy {

    @Singleton
    EventHandler<ProductPublished> onProductPublished(CatalogSkuRepository skus, Clock clock) {
        return EventHandler.of(CatalogEvents.STREAM, ProductPublished.TYPE, ProductPublished.class,
                (product, envelope) -> apply(skus, product, Instant.now(clock)));
    }

    static void apply(CatalogSkuRepository skus, ProductPublished product, Instant now) {
        Map<UUID, CatalogSku> held = skus.findByProductId(product.productId()).stream()
                .collect(Collectors.toMap(CatalogSku::skuId, Function.identity()));
        if (held.values().stream().anyMatch(s -> s.productRevision() >= product.revision())) {
            return;
        }
        for (ProductPublished.Sku sku : product.skus()) {
            var copy = new CatalogSku(sku.skuId(), product.productId(), product.revision(), product.sellerId(),
                    product.sellerName(), product.sellerProvinceCode(), product.name(), sku.label(), sku.unit(), sku.priceVnd(),
                    sku.weightGrams(), true, now);
            if (held.containsKey(sku.skuId())) {
                skus.update(copy);
            } else {
                skus.save(copy);
            }
        }
        Set<UUID> current = product.skus().stream().map(ProductPublished.Sku::skuId).collect(Collectors.toSet());
        List<CatalogSku> gone = held.values().stream().filter(s -> !current.contains(s.skuId())).toList();
        for (CatalogSku sku : gone) {
            skus.update(new CatalogSku(sku.skuId(), sku.productId(), product.revision(), sku.sellerId(), sku.sellerName(),
                    product.sellerProvinceCode(), sku.productName(), sku.label(), sku.unit(), sku.priceVnd(), sku.weightGrams(),
                    false, now));
        }
    }
}
