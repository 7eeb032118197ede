package vn.ocop.catalog.inventory;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;

/** One row of the stock ledger: how a SKU's available, reserved and sold quantities moved, and why. */
@MappedEntity("stock_movements")
record StockMovement(@Id @GeneratedValue @Nullable Long id, UUID skuId, int deltaAvailable, int deltaReserved, int deltaSold,
                     Reason reason, @Nullable String reference, @Nullable UUID actorId, Instant movedAt) {

    /** Why stock moved. */
    enum Reason { INITIAL_STOCK, RESERVATION, SALE, RELEASE, ADJUSTMENT, ORDER_CANCELLED }
}
