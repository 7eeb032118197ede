package vn.ocop.catalog.product;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.ConnectionDefinition;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import vn.ocop.catalog.ReadCache;
import vn.ocop.catalog.api.ProductPublished;
import vn.ocop.catalog.api.ProductSuspended;
import vn.ocop.catalog.api.SkuPriceChanged;
import vn.ocop.catalog.inventory.StockAdjustments;
import vn.ocop.catalog.inventory.StockLedger;
import vn.ocop.catalog.locality.AdminUnits;
import vn.ocop.catalog.registry.Certificate;
import vn.ocop.catalog.registry.CertificateRepository;
import vn.ocop.catalog.registry.CertificateStatus;
import vn.ocop.catalog.seller.Acting;
import vn.ocop.catalog.seller.ActivityLog;
import vn.ocop.catalog.seller.DelegationScope;
import vn.ocop.catalog.seller.Delegations;
import vn.ocop.catalog.seller.Seller;
import vn.ocop.catalog.seller.SellerRepository;
import vn.ocop.platform.event.Ids;
import vn.ocop.platform.outbox.Outbox;
import vn.ocop.platform.problem.ProblemException;
import vn.ocop.platform.security.Caller;
import vn.ocop.platform.security.Roles;
import vn.ocop.platform.time.VietnamTime;

/**
 * A seller's products: create, edit, publish, suspend, add units, change prices and stock. The seller acts itself or
 * through a helper within its delegation; officers of the seller's province (and admins) may suspend and reinstate.
 * Every change is logged with who acted for whom; changes buyers can see emit events.
 */
@Singleton
class Products {

    private final ProductRepository products;
    private final SkuRepository skus;
    private final SellerRepository sellers;
    private final CertificateRepository certificates;
    private final StockLedger ledger;
    private final StockAdjustments adjustments;
    private final Delegations delegations;
    private final ActivityLog activity;
    private final AdminUnits units;
    private final Outbox outbox;
    private final ApplicationEventPublisher<ProductChanged> changes;
    private final ConnectionOperations<Connection> connections;
    private final ReadCache cache;
    private final Clock clock;

    Products(ProductRepository products, SkuRepository skus, SellerRepository sellers, CertificateRepository certificates,
             StockLedger ledger, StockAdjustments adjustments, Delegations delegations, ActivityLog activity, AdminUnits units,
             Outbox outbox, ApplicationEventPublisher<ProductChanged> changes, ConnectionOperations<Connection> connections,
             ReadCache cache, Clock clock) {
        this.products = products;
        this.skus = skus;
        this.sellers = sellers;
        this.certificates = certificates;
        this.ledger = ledger;
        this.adjustments = adjustments;
        this.delegations = delegations;
        this.activity = activity;
        this.units = units;
        this.outbox = outbox;
        this.changes = changes;
        this.connections = connections;
        this.cache = cache;
        this.clock = clock;
    }

    /** A verified seller (or its helper) creates a draft product with its SKUs and their opening stock. */
    @Transactional
    ProductView create(Caller caller, NewProduct request) {
        UUID sellerId = request.sellerId() != null ? request.sellerId() : caller.accountId();
        Acting acting = acting(caller, sellerId, DelegationScope.LISTINGS);
        Seller seller = verifiedSeller(sellerId);
        validate(request.details());
        List<String> codes = request.skus().stream().map(NewProduct.NewSku::code).toList();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < codes.size(); i++) {
            if (!seen.add(codes.get(i).toUpperCase(Locale.ROOT))) {
                throw ProblemException.invalidField("skus[" + i + "].code", "is used twice in this product");
            }
        }
        Instant now = clock.instant();
        Product product = products.save(Product.draft(Ids.newId(), sellerId, request.details(), now));
        List<Sku> created = new ArrayList<>();
        for (int i = 0; i < request.skus().size(); i++) {
            created.add(newSku(acting, product.id(), i, request.skus().get(i)));
        }
        activity.record(acting, "PRODUCT_CREATED", product.id(), product.name());
        return view(product, seller, created);
    }

    /** New details; a published product's change reaches other services as a new snapshot. */
    @Transactional
    ProductView edit(Caller caller, UUID productId, ProductDetails details) {
        Product product = find(productId);
        Acting acting = acting(caller, product.sellerId(), DelegationScope.LISTINGS);
        validate(details);
        Product edited = products.update(product.edit(details, clock.instant()));
        activity.record(acting, "PRODUCT_EDITED", productId, edited.name());
        return changed(edited);
    }

    /** Puts a product on sale; the seller must be verified. */
    @Transactional
    ProductView publish(Caller caller, UUID productId) {
        Product product = find(productId);
        Seller seller = sellers.findById(product.sellerId()).orElseThrow(() -> notFound(productId));
        Acting acting = actingWithOfficials(caller, seller, DelegationScope.LISTINGS);
        if (!seller.verified()) {
            throw ProblemException.forbidden("seller_not_verified", "Only a seller verified by the trade office can list products");
        }
        if (product.originCommuneCode() == null) {
            throw ProblemException.unprocessable("product_incomplete", "Product {0} needs its commune of origin before it is published",
                    productId);
        }
        Product published = products.update(product.publish(acting.role(), clock.instant()));
        activity.record(acting, "PRODUCT_PUBLISHED", productId, published.name());
        return changed(published);
    }

    /** Takes a product off sale, by its seller's side or by an official of the seller's province. */
    @Transactional
    ProductView suspend(Caller caller, UUID productId, String reason) {
        Product product = find(productId);
        Seller seller = sellers.findById(product.sellerId()).orElseThrow(() -> notFound(productId));
        Acting acting = actingWithOfficials(caller, seller, DelegationScope.LISTINGS);
        Instant now = clock.instant();
        Product suspended = products.update(product.suspend(acting.role(), reason.strip(), now));
        outbox.publish(ProductSuspended.TYPE, ProductSuspended.VERSION, productId.toString(), new ProductSuspended(productId,
                suspended.revision(), seller.id(), acting.role().name(), suspended.statusReason(), now));
        activity.record(acting, "PRODUCT_SUSPENDED", productId, suspended.name() + ": " + reason.strip());
        changes.publishEvent(new ProductChanged(List.of(productId)));
        return view(suspended, seller, skus.findByProductIdOrderByPosition(productId));
    }

    @Transactional
    ProductView addSku(Caller caller, UUID productId, NewProduct.NewSku request) {
        Product product = find(productId);
        Acting acting = acting(caller, product.sellerId(), DelegationScope.LISTINGS);
        List<Sku> existing = skus.findByProductIdOrderByPosition(productId);
        if (existing.stream().anyMatch(s -> s.code().equalsIgnoreCase(request.code()))) {
            throw ProblemException.conflict("sku_code_taken", "Product {0} already has a unit {1}", productId, request.code());
        }
        if (existing.size() >= 20) {
            throw ProblemException.unprocessable("too_many_skus", "A product has at most {0} units", 20);
        }
        newSku(acting, productId, existing.isEmpty() ? 0 : existing.getLast().position() + 1, request);
        Product touched = products.update(product.touched(clock.instant()));
        activity.record(acting, "SKU_ADDED", productId, touched.name() + ": " + request.label());
        return changed(touched);
    }

    @Transactional
    ProductView changePrice(Caller caller, UUID productId, UUID skuId, long priceVnd) {
        Product product = find(productId);
        Acting acting = acting(caller, product.sellerId(), DelegationScope.LISTINGS);
        Sku sku = sku(productId, skuId);
        if (sku.priceVnd() == priceVnd) {
            return view(product, sellers.findById(product.sellerId()).orElseThrow(), skus.findByProductIdOrderByPosition(productId));
        }
        skus.updatePriceVnd(skuId, priceVnd);
        Instant now = clock.instant();
        Product touched = products.update(product.touched(now));
        outbox.publish(SkuPriceChanged.TYPE, SkuPriceChanged.VERSION, productId.toString(), new SkuPriceChanged(productId,
                skuId, sku.priceVnd(), priceVnd, touched.revision(), now));
        activity.record(acting, "PRICE_CHANGED", productId, sku.label() + ": " + sku.priceVnd() + " → " + priceVnd + " VND");
        return changed(touched);
    }

    @Transactional
    ProductView adjustStock(Caller caller, UUID productId, UUID skuId, int delta, StockAdjustments.Reason reason) {
        Product product = find(productId);
        Acting acting = acting(caller, product.sellerId(), DelegationScope.STOCK);
        Sku after = adjustments.adjust(acting, sku(productId, skuId), delta, reason);
        activity.record(acting, "STOCK_ADJUSTED", productId, after.label() + ": " + (delta > 0 ? "+" : "") + delta + " ("
                + reason + "), " + after.available() + " available");
        return view(product, sellers.findById(product.sellerId()).orElseThrow(), skus.findByProductIdOrderByPosition(productId));
    }

    /**
     * A published product for anyone; a draft or suspended one only for its seller's side and officials. Plain reads
     * on one connection, outside any transaction (a page needs no snapshot isolation, and this spares the round trips of
     * beginning, marking read-only and committing one): the product and its SKUs, the seller and certificate through
     * the read cache (they change seldom; at most four statements).
     */
    ProductView view(UUID productId, @Nullable Caller caller) {
        return connections.execute(ConnectionDefinition.DEFAULT, status -> {
            Product product = find(productId);
            Seller seller = cache.get(new SellerById(product.sellerId()), key -> sellers.findById(key.id()))
                    .orElseThrow(() -> notFound(productId));
            boolean privileged = caller != null && (seller.managedBy(caller)
                    || caller.has(Roles.HELPER) && delegates(caller, product.sellerId()));
            if (!(product.published() && seller.verified()) && !privileged) {
                throw notFound(productId);
            }
            Certificate certificate = product.certificateId() == null ? null
                    : cache.get(new CertificateById(product.certificateId()), key -> certificates.findById(key.id())).orElse(null);
            return ProductView.of(product, seller, skus.findByProductIdOrderByPosition(productId), certificate, units,
                    VietnamTime.today(clock), privileged);
        });
    }


    /** Read-cache keys of the records a product page shows. */
    private record SellerById(UUID id) {
    }

    private record CertificateById(UUID id) {
    }

    private boolean delegates(Caller caller, UUID sellerId) {
        try {
            delegations.authorize(caller, sellerId, DelegationScope.LISTINGS);
            return true;
        } catch (ProblemException e) {
            return false;
        }
    }

    /** The saved product's view; when published, the new snapshot goes out to other services. */
    private ProductView changed(Product product) {
        Seller seller = sellers.findById(product.sellerId()).orElseThrow();
        List<Sku> units = skus.findByProductIdOrderByPosition(product.id());
        announce(product, seller, units);
        changes.publishEvent(new ProductChanged(List.of(product.id())));
        return view(product, seller, units);
    }

    /**
     * Sends a saved product's new snapshot to other services when it is published (a change made elsewhere in catalog:
     * its certificate claim decided, its certificate changed in the registry), inside the caller's transaction.
     */
    void announce(Product product) {
        if (product.published()) {
            announce(product, sellers.findById(product.sellerId()).orElseThrow(), skus.findByProductIdOrderByPosition(product.id()));
        }
    }

    private void announce(Product product, Seller seller, List<Sku> units) {
        if (!product.published()) {
            return;
        }
        ProductPublished.OcopCertificate certificate = product.certificateStatus() != Product.CertificateClaim.APPROVED ? null
                : certificates.findById(product.certificateId()).map(c -> new ProductPublished.OcopCertificate(c.number(),
                        c.stars(), c.issuedOn(), c.expiresOn(), c.status() == CertificateStatus.REVOKED)).orElse(null);
        outbox.publish(ProductPublished.TYPE, ProductPublished.VERSION, product.id().toString(), new ProductPublished(
                product.id(), product.revision(), seller.id(), seller.displayName(), product.name(), product.gtin(),
                units.stream().map(s -> new ProductPublished.Sku(s.id(), s.code(), s.label(), s.unit(), s.priceVnd(),
                        s.weightGrams())).toList(),
                clock.instant(), seller.provinceCode(), product.ocopGroup().name(), certificate));
    }

    private ProductView view(Product product, Seller seller, List<Sku> units) {
        return ProductView.of(product, seller, units, product.certificateId() == null ? null
                : certificates.findById(product.certificateId()).orElse(null), this.units, VietnamTime.today(clock), true);
    }

    private Sku newSku(Acting acting, UUID productId, int position, NewProduct.NewSku s) {
        Sku sku = skus.save(new Sku(Ids.newId(), productId, position, s.code(), s.label().strip(), s.unit().strip(), s.priceVnd(),
                s.weightGrams(), s.stock(), 0, 0));
        ledger.opening(sku.id(), s.stock(), acting.actorId());
        return sku;
    }

    /** The seller's side within its delegation, or an officer of the seller's province, or an admin. */
    private Acting actingWithOfficials(Caller caller, Seller seller, DelegationScope scope) {
        if (caller.has(Roles.ADMIN)) {
            return new Acting(caller.accountId(), seller.id(), Acting.Role.ADMIN);
        }
        if (caller.has(Roles.OFFICER)) {
            if (!seller.officialOfProvince(caller)) {
                throw ProblemException.forbidden("outside_province", "Seller {0} is outside your province", seller.id());
            }
            return new Acting(caller.accountId(), seller.id(), Acting.Role.OFFICER);
        }
        return acting(caller, seller.id(), scope);
    }

    /** The seller itself, or a helper within a delegation that covers {@code scope}. */
    private Acting acting(Caller caller, UUID sellerId, DelegationScope scope) {
        if (caller.has(Roles.SELLER) && !caller.has(Roles.HELPER) && !caller.accountId().equals(sellerId)) {
            throw ProblemException.forbidden("not_your_product", "This product belongs to another seller");
        }
        return delegations.authorize(caller, sellerId, scope);
    }

    private Seller verifiedSeller(UUID sellerId) {
        return sellers.findById(sellerId)
                .filter(Seller::verified)
                .orElseThrow(() -> ProblemException.forbidden("seller_not_verified",
                        "Only a seller verified by the trade office can list products"));
    }

    private void validate(ProductDetails details) {
        if (details.gtin() != null && !Gtin.isValid(details.gtin())) {
            throw ProblemException.invalidField("gtin", "has a wrong check digit");
        }
        if (units.commune(details.originCommuneCode()).isEmpty()) {
            throw ProblemException.invalidField("originCommuneCode", "is not a commune code in force since 1 July 2025");
        }
    }

    private Product find(UUID productId) {
        return products.findById(productId).orElseThrow(() -> notFound(productId));
    }

    private Sku sku(UUID productId, UUID skuId) {
        return skus.findById(skuId).filter(s -> s.productId().equals(productId))
                .orElseThrow(() -> ProblemException.notFound("sku_not_found", "Product {0} has no unit {1}", productId, skuId));
    }

    static ProblemException notFound(UUID productId) {
        return ProblemException.notFound("product_not_found", "No product {0}", productId);
    }
}
