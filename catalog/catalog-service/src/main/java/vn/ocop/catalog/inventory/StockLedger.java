package vn.ocop.catalog.inventory;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** Writes the stock ledger, in the caller's transaction. */
@Singleton
public class StockLedger {

    private final StockMovementRepository movements;
    private final Clock clock;

    StockLedger(StockMovementRepository movements, Clock clock) {
        this.movements = movements;
        this.clock = clock;
    }

    /** A new SKU's opening stock. */
    public void opening(UUID skuId, int quantity, UUID actorId) {
        movements.save(new StockMovement(null, skuId, quantity, 0, 0, StockMovement.Reason.INITIAL_STOCK, null, actorId,
                clock.instant()));
    }

    void record(List<StockMovement> batch) {
        movements.saveAll(batch);
    }

    StockMovement movement(UUID skuId, int available, int reserved, int sold, StockMovement.Reason reason,
                           @Nullable String reference) {
        return movement(skuId, available, reserved, sold, reason, reference, null);
    }

    StockMovement movement(UUID skuId, int available, int reserved, int sold, StockMovement.Reason reason,
                           @Nullable String reference, @Nullable UUID actorId) {
        return new StockMovement(null, skuId, available, reserved, sold, reason, reference, actorId, clock.instant());
    }
}
