package vn.ocop.orders.lotcopy;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import vn.ocop.platform.event.EventHandler;
import vn.ocop.traceability.api.LotRegistered;
import vn.ocop.traceability.api.TraceabilityEvents;

/** Remembers every lot traceability registers, so a shipment can be checked to name lots of its products. */
@Factory
class LotCopy {

    @Singleton
    EventHandler<LotRegistered> onLotRegistered(ProductLotRepository lots) {
        return EventHandler.of(TraceabilityEvents.STREAM, LotRegistered.TYPE, LotRegistered.class, (lot, envelope) -> {
            var key = new ProductLot.Key(lot.productId(), lot.lotCode());
            if (!lots.existsById(key)) {
                lots.save(new ProductLot(key, lot.sellerId(), lot.registeredAt()));
            }
        });
    }
}
