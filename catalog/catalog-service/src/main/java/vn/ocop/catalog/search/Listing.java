package vn.ocop.catalog.search;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import vn.ocop.catalog.registry.OcopGroup;

/** A product on sale as the search index holds it: everything a result card shows and every filter and sort needs. */
@MappedEntity("listings")
record Listing(@Id UUID productId, UUID sellerId, String name, String sellerName, @Nullable String imageUrl, String nameText,
               String searchText, OcopGroup ocopGroup, @Nullable Integer stars, @Nullable LocalDate starsUntil,
               String provinceCode, String communeCode, long minPrice, long maxPrice, boolean inStock, int sold,
               Instant publishedAt) {
}
