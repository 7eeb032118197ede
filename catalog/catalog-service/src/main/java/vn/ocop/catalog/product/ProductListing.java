package vn.ocop.catalog.product;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.ocop.catalog.seller.Seller;
import vn.ocop.catalog.seller.SellerRepository;
import vn.ocop.platform.text.SearchKeys;

/** Pages of published products: three statements per page whatever its size (products, their SKUs, their sellers). */
@Singleton
class ProductListing {

    private static final UUID AFTER_ALL = new UUID(-1L, -1L);

    private final ProductRepository products;
    private final SkuRepository skus;
    private final SellerRepository sellers;

    ProductListing(ProductRepository products, SkuRepository skus, SellerRepository sellers) {
        this.products = products;
        this.skus = skus;
        this.sellers = sellers;
    }

    @Transactional(readOnly = true)
    List<ProductView> page(@Nullable String query, int limit, @Nullable UUID cursor) {
        Pageable page = Pageable.from(0, limit, Sort.of(Sort.Order.desc("id")));
        UUID before = cursor == null ? AFTER_ALL : cursor;
        String key = query == null ? "" : SearchKeys.fold(query);
        List<Product> found = key.isEmpty()
                ? products.findByStatusAndIdLessThan(ProductStatus.PUBLISHED, before, page)
                : products.findByStatusAndSearchKeyContainsAndIdLessThan(ProductStatus.PUBLISHED, key, before, page);
        if (found.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<Sku>> skusByProduct = skus.findByProductIdInOrderByPosition(ids(found, Product::id)).stream()
                .collect(Collectors.groupingBy(Sku::productId));
        Map<UUID, Seller> sellersById = sellers.findByIdIn(ids(found, Product::sellerId)).stream()
                .collect(Collectors.toMap(Seller::id, Function.identity()));
        return found.stream()
                .map(p -> ProductView.of(p, sellersById.get(p.sellerId()), skusByProduct.getOrDefault(p.id(), List.of())))
                .toList();
    }

    private static Collection<UUID> ids(List<Product> found, Function<Product, UUID> id) {
        return found.stream().map(id).distinct().toList();
    }
}
