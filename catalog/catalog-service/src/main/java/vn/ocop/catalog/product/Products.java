package vn.ocop.catalog.product;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import vn.ocop.catalog.api.ProductPublished;
import vn.ocop.catalog.inventory.StockLedger;
import vn.ocop.catalog.seller.Seller;
import vn.ocop.catalog.seller.SellerRepository;
import vn.ocop.platform.event.Ids;
import vn.ocop.platform.outbox.Outbox;
import vn.ocop.platform.problem.ProblemException;
import vn.ocop.platform.security.Caller;
import vn.ocop.platform.security.Roles;
import vn.ocop.platform.text.SearchKeys;

/** Creating, publishing and reading products. */
@Singleton
class Products {

    private final ProductRepository products;
    private final SkuRepository skus;
    private final SellerRepository sellers;
    private final StockLedger ledger;
    private final Outbox outbox;
    private final Clock clock;

    Products(ProductRepository products, SkuRepository skus, SellerRepository sellers, StockLedger ledger, Outbox outbox,
             Clock clock) {
        this.products = products;
        this.skus = skus;
        this.sellers = sellers;
        this.ledger = ledger;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** A verified seller creates a draft product with its SKUs and their opening stock. */
    @Transactional
    ProductView create(Caller caller, NewProduct request) {
        Seller seller = sellers.findById(caller.accountId())
                .filter(Seller::verified)
                .orElseThrow(() -> ProblemException.forbidden("seller_not_verified",
                        "Only a seller verified by the trade office can list products"));
        validate(request);
        Instant now = Instant.now(clock);
        Product product = products.save(new Product(Ids.newId(), seller.id(), request.name().strip(),
                SearchKeys.fold(request.name()), request.description(), request.gtin(), ProductStatus.DRAFT, 0, null,
                now, now, 0));
        List<Sku> created = new ArrayList<>();
        for (int i = 0; i < request.skus().size(); i++) {
            NewProduct.NewSku s = request.skus().get(i);
            Sku sku = skus.save(new Sku(Ids.newId(), product.id(), i, s.code(), s.label().strip(), s.unit().strip(),
                    s.priceVnd(), s.weightGrams(), s.stock(), 0, 0));
            ledger.opening(sku.id(), s.stock(), caller.accountId());
            created.add(sku);
        }
        return ProductView.of(product, seller, created);
    }

    /** The seller (or an admin) publishes; buyers can then find and order it, and other services learn of it. */
    @Transactional
    ProductView publish(Caller caller, UUID productId) {
        Product product = products.findById(productId).orElseThrow(() -> notFound(productId));
        Seller seller = sellers.findById(product.sellerId()).orElseThrow(() -> notFound(productId));
        if (!caller.accountId().equals(product.sellerId()) && !caller.has(Roles.ADMIN)) {
            throw ProblemException.forbidden("not_your_product", "Product {0} belongs to another seller", productId);
        }
        if (!seller.verified()) {
            throw ProblemException.forbidden("seller_not_verified", "Only a seller verified by the trade office can list products");
        }
        Product published = products.update(product.publish(Instant.now(clock)));
        List<Sku> units = skus.findByProductIdOrderByPosition(productId);
        outbox.publish(ProductPublished.TYPE, ProductPublished.VERSION, productId.toString(), new ProductPublished(
                productId, published.revision(), seller.id(), seller.displayName(), published.name(), published.gtin(),
                units.stream().map(s -> new ProductPublished.Sku(s.id(), s.code(), s.label(), s.unit(), s.priceVnd(),
                        s.weightGrams())).toList(),
                published.publishedAt()));
        return ProductView.of(published, seller, units);
    }

    /** A published product for anyone; a draft or suspended one only for its seller, officers and admins. */
    @Transactional(readOnly = true)
    ProductView view(UUID productId, Caller caller) {
        Product product = products.findById(productId).orElseThrow(() -> notFound(productId));
        boolean privileged = caller != null && (caller.accountId().equals(product.sellerId())
                || caller.has(Roles.OFFICER) || caller.has(Roles.ADMIN));
        if (!product.published() && !privileged) {
            throw notFound(productId);
        }
        Seller seller = sellers.findById(product.sellerId()).orElseThrow(() -> notFound(productId));
        return ProductView.of(product, seller, skus.findByProductIdOrderByPosition(productId));
    }

    private static void validate(NewProduct request) {
        if (request.gtin() != null && !Gtin.isValid(request.gtin())) {
            throw ProblemException.invalidField("gtin", "has a wrong check digit");
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < request.skus().size(); i++) {
            if (!codes.add(request.skus().get(i).code())) {
                throw ProblemException.invalidField("skus[" + i + "].code", "is used twice in this product");
            }
        }
    }

    static ProblemException notFound(UUID productId) {
        return ProblemException.notFound("product_not_found", "No product {0}", productId);
    }
}
