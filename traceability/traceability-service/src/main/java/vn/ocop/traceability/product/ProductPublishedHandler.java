package vn.ocop.traceability.product;

import jakarta.inject.Singleton;
import vn.ocop.catalog.api.CatalogEvents;
import vn.ocop.catalog.api.ProductPublished;
import vn.ocop.platform.event.EventEnvelope;
import vn.ocop.platform.event.EventHandler;

/**
 * Keeps the product copies current from the catalog's snapshots. Snapshots can arrive twice or out of order: a
 * snapshot replaces the copy only when its revision is newer than the one held.
 */
@Singleton
final class ProductPublishedHandler implements EventHandler<ProductPublished> {

    private final ProductRepository products;

    ProductPublishedHandler(ProductRepository products) {
        this.products = products;
    }

    @Override
    public String stream() {
        return CatalogEvents.STREAM;
    }

    @Override
    public String type() {
        return ProductPublished.TYPE;
    }

    @Override
    public Class<ProductPublished> payloadType() {
        return ProductPublished.class;
    }

    @Override
    public void handle(ProductPublished snapshot, EventEnvelope envelope) {
        products.findByProductIdForUpdate(snapshot.productId()).ifPresentOrElse(
                held -> held.replacedBy(snapshot).ifPresent(products::update),
                () -> products.save(Product.from(snapshot)));
    }
}
