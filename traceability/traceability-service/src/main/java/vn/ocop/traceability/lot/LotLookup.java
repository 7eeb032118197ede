package vn.ocop.traceability.lot;

import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.List;
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

    /**
     * The lots with these codes, locked until the end of the caller's transaction (in id order, as every writer of
     * lots locks them), with their products; for recalls.
     */
    public List<TracedLot> lockByCodes(Collection<String> codes) {
        return lots.lockByCodes(codes).stream()
                .map(lot -> new TracedLot(lot, products.findById(lot.productId()).orElseThrow())).toList();
    }

    /** Marks a lot locked by {@link #lockByCodes} recalled, in the caller's transaction. */
    public Lot markRecalled(Lot lot) {
        return lots.update(lot.recalled());
    }

    /** Empty when no lot has the code (or, which registration prevents, its product copy is gone). */
    public Optional<TracedLot> byCode(String code) {
        return lots.findByCode(code)
                .flatMap(lot -> products.findById(lot.productId()).map(product -> new TracedLot(lot, product)));
    }
}
