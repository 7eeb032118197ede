package vn.ocop.traceability.lot;

import jakarta.inject.Singleton;
import java.util.Optional;
import vn.ocop.traceability.product.ProductRepository;

/** Finds a lot by its public code, with its product, for the pages and labels that show it. */
@Singleton
public final class LotLookup {

    private final LotRepository lots;
    private final ProductRepository products;

    LotLookup(LotRepository lots, ProductRepository products) {
        this.lots = lots;
        this.products = products;
    }

    /** Empty when no lot has the code (or, which registration prevents, its product copy is gone). */
    public Optional<TracedLot> byCode(String code) {
        return lots.findByCode(code)
                .flatMap(lot -> products.findById(lot.productId()).map(product -> new TracedLot(lot, product)));
    }
}
