package vn.ocop.catalog.inventory;

import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import vn.ocop.catalog.api.StockAdjusted;
import vn.ocop.catalog.product.Sku;
import vn.ocop.catalog.product.SkuRepository;
import vn.ocop.catalog.product.StockChanged;
import vn.ocop.catalog.seller.Acting;
import vn.ocop.platform.outbox.Outbox;
import vn.ocop.platform.problem.ProblemException;

/** Stock changed by hand, in the caller's transaction: a guarded update, a ledger row with who did it, an event. */
@Singleton
public class StockAdjustments {

    /** Why a seller changes stock by hand. */
    public enum Reason { RESTOCK, COUNT_CORRECTION, DAMAGED, RETURNED }

    private final StockRows stock;
    private final SkuRepository skus;
    private final StockLedger ledger;
    private final Outbox outbox;
    private final ApplicationEventPublisher<StockChanged> changes;
    private final Clock clock;

    StockAdjustments(StockRows stock, SkuRepository skus, StockLedger ledger, Outbox outbox,
                     ApplicationEventPublisher<StockChanged> changes, Clock clock) {
        this.stock = stock;
        this.skus = skus;
        this.ledger = ledger;
        this.outbox = outbox;
        this.changes = changes;
        this.clock = clock;
    }

    /** Returns the SKU as it is after the adjustment. */
    public Sku adjust(Acting acting, Sku sku, int delta, Reason reason) {
        if (delta == 0) {
            throw ProblemException.invalidField("delta", "must not be zero");
        }
        if (stock.adjust(sku.id(), delta) != 1) {
            throw ProblemException.conflict("stock_below_zero", "Only {0} units of {1} are available; removing {2} would go below zero",
                    sku.available(), sku.code(), -delta);
        }
        ledger.record(List.of(ledger.movement(sku.id(), delta, 0, 0, StockMovement.Reason.ADJUSTMENT, reason.name(),
                acting.actorId())));
        Sku after = skus.findById(sku.id()).orElseThrow();
        outbox.publish(StockAdjusted.TYPE, StockAdjusted.VERSION, sku.productId().toString(), new StockAdjusted(sku.productId(),
                sku.id(), delta, after.available(), reason.name(), clock.instant()));
        changes.publishEvent(new StockChanged(List.of(sku.id())));
        return after;
    }
}
