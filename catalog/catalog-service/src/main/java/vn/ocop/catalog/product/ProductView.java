package vn.ocop.catalog.product;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import vn.ocop.catalog.seller.Seller;

/** A product as buyers (and its seller) see it. */
@Serdeable
record ProductView(UUID id, String name, @Nullable String description, @Nullable String gtin, ProductStatus status,
                   long revision, SellerSummary seller, List<SkuView> skus, @Nullable Instant publishedAt) {

    @Serdeable
    record SellerSummary(UUID id, String displayName, String provinceCode, String communeCode) {
    }

    @Serdeable
    record SkuView(UUID id, String code, String label, String unit, long priceVnd, int weightGrams, int available) {
    }

    static ProductView of(Product p, Seller seller, List<Sku> skus) {
        return new ProductView(p.id(), p.name(), p.description(), p.gtin(), p.status(), p.revision(),
                new SellerSummary(seller.id(), seller.displayName(), seller.provinceCode(), seller.communeCode()),
                skus.stream().map(s -> new SkuView(s.id(), s.code(), s.label(), s.unit(), s.priceVnd(), s.weightGrams(),
                        s.available())).toList(),
                p.publishedAt());
    }
}
