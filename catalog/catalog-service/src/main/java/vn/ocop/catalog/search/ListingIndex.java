package vn.ocop.catalog.search;

import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.ocop.catalog.locality.AdminUnits;
import vn.ocop.catalog.locality.Commune;
import vn.ocop.catalog.locality.Province;
import vn.ocop.catalog.product.Product;
import vn.ocop.catalog.product.ProductChanged;
import vn.ocop.catalog.product.ProductRepository;
import vn.ocop.catalog.product.Sku;
import vn.ocop.catalog.product.SkuRepository;
import vn.ocop.catalog.product.StockChanged;
import vn.ocop.catalog.registry.Certificate;
import vn.ocop.catalog.registry.CertificateRepository;
import vn.ocop.catalog.registry.CertificatesChanged;
import vn.ocop.catalog.registry.CertificateStatus;
import vn.ocop.catalog.seller.Seller;
import vn.ocop.catalog.seller.SellerChanged;
import vn.ocop.catalog.seller.SellerRepository;

/**
 * Keeps the {@code listings} table in step with products, SKUs, sellers and certificates. It listens to in-process
 * notices published inside the changing transaction, so the index changes (or rolls back) with the data: a product is
 * listed exactly while it is published by a verified seller.
 */
@Singleton
class ListingIndex {

    private final ListingRepository listings;
    private final ProductRepository products;
    private final SkuRepository skus;
    private final SellerRepository sellers;
    private final CertificateRepository certificates;
    private final AdminUnits units;

    ListingIndex(ListingRepository listings, ProductRepository products, SkuRepository skus, SellerRepository sellers,
                 CertificateRepository certificates, AdminUnits units) {
        this.listings = listings;
        this.products = products;
        this.skus = skus;
        this.sellers = sellers;
        this.certificates = certificates;
        this.units = units;
    }

    @EventListener
    void onProductChanged(ProductChanged event) {
        refresh(products.findByIdIn(event.productIds()));
    }

    @EventListener
    void onStockChanged(StockChanged event) {
        if (!event.skuIds().isEmpty()) {
            listings.refreshStock(event.skuIds());
        }
    }

    @EventListener
    void onSellerChanged(SellerChanged event) {
        refresh(products.findBySellerId(event.sellerId()));
    }

    @EventListener
    void onCertificatesChanged(CertificatesChanged event) {
        if (!event.certificateIds().isEmpty()) {
            refresh(products.findByCertificateIdIn(event.certificateIds()));
        }
    }

    /** Lists, updates or unlists each product, with a fixed number of statements for the whole batch. */
    void refresh(List<Product> batch) {
        if (batch.isEmpty()) {
            return;
        }
        Map<UUID, Seller> sellersById = sellers.findByIdIn(batch.stream().map(Product::sellerId).distinct().toList())
                .stream().collect(Collectors.toMap(Seller::id, Function.identity()));
        Map<UUID, List<Sku>> skusByProduct = skus.findByProductIdInOrderByPosition(batch.stream().map(Product::id).toList())
                .stream().collect(Collectors.groupingBy(Sku::productId));
        List<UUID> certificateIds = batch.stream().map(Product::certificateId).filter(Objects::nonNull).distinct().toList();
        Map<UUID, Certificate> certificatesById = certificateIds.isEmpty() ? Map.of()
                : certificates.findByIdIn(certificateIds).stream().collect(Collectors.toMap(Certificate::id, Function.identity()));
        List<Listing> listed = new ArrayList<>();
        for (Product product : batch) {
            Seller seller = sellersById.get(product.sellerId());
            List<Sku> units = skusByProduct.getOrDefault(product.id(), List.of());
            if (product.published() && seller != null && seller.verified() && !units.isEmpty()) {
                listed.add(listing(product, seller, units,
                        product.certificateId() == null ? null : certificatesById.get(product.certificateId())));
            }
        }
        listings.deleteByProductIdIn(batch.stream().map(Product::id).toList());
        listings.saveAll(listed);
    }

    private Listing listing(Product p, Seller seller, List<Sku> units, Certificate certificate) {
        String communeCode = p.originCommuneCode() != null ? p.originCommuneCode() : seller.communeCode();
        Commune commune = this.units.commune(communeCode).orElse(null);
        String provinceCode = commune != null ? commune.provinceCode() : seller.provinceCode();
        boolean approved = certificate != null && p.certificateStatus() == Product.CertificateClaim.APPROVED
                && certificate.status() == CertificateStatus.VALID;
        String image = p.images() == null || p.images().isEmpty() ? null : p.images().getFirst();
        return new Listing(p.id(), seller.id(), p.name(), seller.displayName(), image,
                SearchText.index(p.name(), p.nameEn()),
                SearchText.index(p.name(), p.nameEn(), p.category(), p.ocopGroup().label(), seller.displayName(),
                        seller.legalName(), commune == null ? null : commune.name(),
                        this.units.province(provinceCode).map(Province::name).orElse(null), p.gtin()),
                p.ocopGroup(), approved ? certificate.stars() : null, approved ? certificate.expiresOn() : null,
                provinceCode, communeCode,
                units.stream().mapToLong(Sku::priceVnd).min().orElseThrow(),
                units.stream().mapToLong(Sku::priceVnd).max().orElseThrow(),
                units.stream().anyMatch(s -> s.available() > 0), units.stream().mapToInt(Sku::sold).sum(),
                p.publishedAt());
    }
}
