package vn.ocop.traceability.epcis;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.ocop.orders.api.OrderShipped;
import vn.ocop.orders.api.OrdersEvents;
import vn.ocop.platform.event.EventEnvelope;
import vn.ocop.platform.event.EventHandler;
import vn.ocop.traceability.epcis.EpcisRepositories.StoredEvents;
import vn.ocop.traceability.recall.LotShipments;

/**
 * Records a shipping event for each lot an order shipped, from orders' {@link OrderShipped}: the units of one lot in
 * the order's lines are added up into one event, and the shipment is kept in {@link LotShipments} (order, checkout,
 * units), so that a recall can list the orders to contact. The platform runs this in the transaction that records the event in
 * the inbox, so a redelivered OrderShipped records nothing; the events' ids are derived from order and lot as well.
 * A line naming a lot code we do not know, or a lot of another seller, is skipped with a warning: orders only lets a
 * seller name their own registered lots, so such a line is a mistake to look into, not a reason to block the others.
 */
@Singleton
final class OrderShippedHandler implements EventHandler<OrderShipped> {

    private static final Logger LOG = LoggerFactory.getLogger(OrderShippedHandler.class);

    private final EpcisRecorder recorder;
    private final StoredEvents lots;
    private final LotShipments shipments;

    OrderShippedHandler(EpcisRecorder recorder, StoredEvents lots, LotShipments shipments) {
        this.recorder = recorder;
        this.lots = lots;
        this.shipments = shipments;
    }

    @Override
    public String stream() {
        return OrdersEvents.STREAM;
    }

    @Override
    public String type() {
        return OrderShipped.TYPE;
    }

    @Override
    public Class<OrderShipped> payloadType() {
        return OrderShipped.class;
    }

    @Override
    public void handle(OrderShipped shipped, EventEnvelope envelope) {
        Map<String, Integer> unitsByLot = new TreeMap<>();
        for (OrderShipped.Line line : shipped.lines() == null ? List.<OrderShipped.Line>of() : shipped.lines()) {
            if (line.lotCode() != null && !line.lotCode().isBlank() && line.quantity() > 0) {
                unitsByLot.merge(line.lotCode(), line.quantity(), Integer::sum);
            }
        }
        if (unitsByLot.isEmpty()) {
            return;
        }
        Map<String, KnownLot> known = new TreeMap<>();
        lots.lotsByCodes(unitsByLot.keySet()).forEach(lot -> known.put(lot.code(), lot));
        unitsByLot.forEach((code, units) -> {
            KnownLot lot = known.get(code);
            if (lot == null) {
                LOG.warn("Order {} shipped units of lot {}, which traceability does not know: no shipping event recorded",
                        shipped.orderNumber(), code);
            } else if (!lot.sellerId().equals(shipped.sellerId())) {
                LOG.warn("Order {} of seller {} shipped units of lot {}, which is seller {}'s: no shipping event recorded",
                        shipped.orderNumber(), shipped.sellerId(), code, lot.sellerId());
            } else {
                recorder.shipped(shipped.orderId(), shipped.orderNumber(), shipped.carrier(), shipped.trackingNumber(),
                        lot.id(), units, shipped.shippedAt());
                shipments.record(shipped, lot.id(), units);
            }
        });
    }
}
