package vn.ocop.catalog.inventory;

import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.ocop.catalog.product.StockChanged;

/**
 * Puts the units of an order cancelled after it was paid or confirmed back on sale, inside the event handler's
 * transaction. Sold units come back from sold; units still only reserved (the cancellation handled before the sale it
 * follows) come back from reserved, and that late sale then finds nothing to sell. Each line is marked returned under
 * its reservation's row lock, so a second cancellation of the order returns nothing.
 */
@Singleton
class StockReturns {

    private static final Logger LOG = LoggerFactory.getLogger(StockReturns.class);

    private final StockRows stock;
    private final ReservationRepository reservations;
    private final ReservationLineRepository lines;
    private final StockLedger ledger;
    private final ApplicationEventPublisher<StockChanged> changes;
    private final Clock clock;

    StockReturns(StockRows stock, ReservationRepository reservations, ReservationLineRepository lines, StockLedger ledger,
                 ApplicationEventPublisher<StockChanged> changes, Clock clock) {
        this.stock = stock;
        this.reservations = reservations;
        this.lines = lines;
        this.ledger = ledger;
        this.changes = changes;
        this.clock = clock;
    }

    void returnOrder(UUID checkoutId, UUID orderId) {
        var reservation = reservations.lockByCheckoutId(checkoutId).orElse(null);
        if (reservation == null) {
            LOG.warn("order {} was cancelled but checkout {} has no reservation; nothing to put back on sale", orderId, checkoutId);
            return;
        }
        boolean stillReserved = reservation.status() == ReservationStatus.RESERVED;
        List<ReservationLine> all = lines.findByKeyReservationId(reservation.id());
        List<ReservationLine> toReturn = all.stream()
                .filter(l -> l.key().orderId().equals(orderId) && l.returnedAt() == null && (l.committedAt() != null || stillReserved))
                .sorted(Comparator.comparing(l -> l.key().skuId().toString()))
                .toList();
        if (toReturn.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        List<StockMovement> movements = new ArrayList<>();
        for (ReservationLine line : toReturn) {
            UUID skuId = line.key().skuId();
            int quantity = line.quantity();
            boolean sold = line.committedAt() != null;
            if ((sold ? stock.unsell(skuId, quantity) : stock.release(skuId, quantity)) != 1) {
                throw new IllegalStateException((sold ? "sold" : "reserved") + " stock of " + skuId + " is short of " + quantity);
            }
            movements.add(ledger.movement(skuId, quantity, sold ? 0 : -quantity, sold ? -quantity : 0,
                    StockMovement.Reason.ORDER_CANCELLED, orderId.toString()));
        }
        ledger.record(movements);
        lines.updateAll(toReturn.stream().map(l -> l.returned(now)).toList());
        changes.publishEvent(new StockChanged(toReturn.stream().map(l -> l.key().skuId()).toList()));
        if (stillReserved && all.stream().allMatch(l -> !l.held() || toReturn.contains(l))) {
            boolean anySold = all.stream().anyMatch(l -> l.committedAt() != null);
            reservations.update(anySold ? reservation.committed(now) : reservation.released(now));
        }
        LOG.info("order {} was cancelled; back on sale: {}", orderId, toReturn.stream()
                .collect(Collectors.toMap(l -> l.key().skuId(), ReservationLine::quantity, Integer::sum, TreeMap::new)));
    }
}
