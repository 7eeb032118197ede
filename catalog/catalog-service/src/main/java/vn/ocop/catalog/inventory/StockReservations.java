package vn.ocop.catalog.inventory;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.ocop.catalog.api.StockCommitted;
import vn.ocop.catalog.api.StockRejected;
import vn.ocop.catalog.api.StockReleased;
import vn.ocop.catalog.api.StockReserved;
import vn.ocop.catalog.product.StockChanged;
import vn.ocop.orders.api.CheckoutPlaced;
import vn.ocop.platform.event.Ids;
import vn.ocop.platform.outbox.Outbox;

/**
 * Reserves a checkout's stock all or nothing, and turns it into a sale when an order is paid (or confirmed, cash on
 * delivery). Runs inside the event handler's transaction: the SKU rows are locked in id order, checked, then updated
 * with guarded statements, so that concurrent checkouts racing for the last units can never take more than there is.
 */
@Singleton
class StockReservations {

    private static final Logger LOG = LoggerFactory.getLogger(StockReservations.class);

    private final StockRows stock;
    private final ReservationRepository reservations;
    private final ReservationLineRepository lines;
    private final StockLedger ledger;
    private final Outbox outbox;
    private final ApplicationEventPublisher<StockChanged> changes;
    private final Clock clock;
    private final Duration holdFor;

    StockReservations(StockRows stock, ReservationRepository reservations, ReservationLineRepository lines, StockLedger ledger,
                      Outbox outbox, ApplicationEventPublisher<StockChanged> changes, Clock clock,
                      @Value("${ocop.catalog.reservation-ttl:15m}") Duration holdFor) {
        this.stock = stock;
        this.reservations = reservations;
        this.lines = lines;
        this.ledger = ledger;
        this.outbox = outbox;
        this.changes = changes;
        this.clock = clock;
        this.holdFor = holdFor;
    }

    void reserve(CheckoutPlaced checkout) {
        if (reservations.existsByCheckoutId(checkout.checkoutId())) {
            return; // already decided for this checkout (the unique key on checkout_id backs this check)
        }
        Map<UUID, Integer> wanted = new TreeMap<>();
        Map<List<UUID>, Integer> perOrderAndSku = new LinkedHashMap<>();
        for (CheckoutPlaced.Order order : checkout.orders()) {
            for (CheckoutPlaced.Line line : order.lines()) {
                wanted.merge(line.skuId(), line.quantity(), Integer::sum);
                perOrderAndSku.merge(List.of(order.orderId(), line.skuId()), line.quantity(), Integer::sum);
            }
        }
        Map<UUID, StockRows.Row> rows = stock.lock(wanted.keySet()).stream()
                .collect(Collectors.toMap(StockRows.Row::id, Function.identity()));
        List<StockRejected.Shortage> shortages = shortages(wanted, rows);
        Instant now = clock.instant();
        UUID reservationId = Ids.newId();
        if (!shortages.isEmpty()) {
            reservations.save(new Reservation(reservationId, checkout.checkoutId(), ReservationStatus.REJECTED, null, now, now));
            outbox.publish(StockRejected.TYPE, StockRejected.VERSION, checkout.checkoutId().toString(),
                    new StockRejected(checkout.checkoutId(), shortages));
            return;
        }
        List<StockMovement> movements = new ArrayList<>();
        wanted.forEach((skuId, quantity) -> {
            if (stock.reserve(skuId, quantity) != 1) {
                throw new IllegalStateException("stock of " + skuId + " changed under its row lock");
            }
            movements.add(ledger.movement(skuId, -quantity, quantity, 0, StockMovement.Reason.RESERVATION,
                    checkout.checkoutId().toString()));
        });
        ledger.record(movements);
        changes.publishEvent(new StockChanged(List.copyOf(wanted.keySet())));
        Instant expiresAt = now.plus(holdFor);
        reservations.save(new Reservation(reservationId, checkout.checkoutId(), ReservationStatus.RESERVED, expiresAt, now, now));
        lines.saveAll(perOrderAndSku.entrySet().stream()
                .map(e -> new ReservationLine(new ReservationLine.Key(reservationId, e.getKey().get(0), e.getKey().get(1)),
                        e.getValue(), null, null))
                .toList());
        outbox.publish(StockReserved.TYPE, StockReserved.VERSION, checkout.checkoutId().toString(), new StockReserved(
                checkout.checkoutId(), reservationId, expiresAt,
                wanted.entrySet().stream().map(e -> new StockReserved.Line(e.getKey(), e.getValue())).toList()));
    }

    /**
     * An order's reserved units become sold: it was paid ({@code OrderPaid}) or, paying cash on delivery, confirmed
     * ({@code OrderConfirmed}). Lines already sold are not sold again.
     */
    void commit(UUID checkoutId, UUID orderId) {
        var reservation = reservations.lockByCheckoutId(checkoutId).orElse(null);
        if (reservation == null || reservation.status() != ReservationStatus.RESERVED) {
            LOG.warn("order {} was paid or confirmed but checkout {} holds no active reservation ({}); nothing to sell", orderId,
                    checkoutId, reservation == null ? "none" : reservation.status());
            return;
        }
        Instant now = clock.instant();
        List<ReservationLine> held = lines.findByKeyReservationId(reservation.id());
        List<ReservationLine> toCommit = held.stream()
                .filter(l -> l.key().orderId().equals(orderId) && l.held())
                .toList();
        if (toCommit.isEmpty()) {
            return;
        }
        List<StockMovement> movements = new ArrayList<>();
        for (ReservationLine line : toCommit) {
            if (stock.sell(line.key().skuId(), line.quantity()) != 1) {
                throw new IllegalStateException("reserved stock of " + line.key().skuId() + " is short of " + line.quantity());
            }
            movements.add(ledger.movement(line.key().skuId(), 0, -line.quantity(), line.quantity(), StockMovement.Reason.SALE,
                    orderId.toString()));
        }
        ledger.record(movements);
        changes.publishEvent(new StockChanged(toCommit.stream().map(l -> l.key().skuId()).toList()));
        lines.updateAll(toCommit.stream().map(l -> l.committed(now)).toList());
        if (held.stream().allMatch(l -> !l.held() || toCommit.contains(l))) {
            reservations.update(reservation.committed(now));
        }
        outbox.publish(StockCommitted.TYPE, StockCommitted.VERSION, orderId.toString(), new StockCommitted(checkoutId, orderId,
                toCommit.stream().map(l -> new StockReserved.Line(l.key().skuId(), l.quantity())).toList()));
    }

    /** Why reserved stock goes back on sale. */
    enum ReleaseReason { EXPIRED, CHECKOUT_REJECTED, CHECKOUT_CANCELLED }

    /**
     * A cancelled checkout's reserved units go back on sale. A checkout cancelled before its stock was decided (its
     * CheckoutPlaced handled later, by another instance or after a retry) is recorded as released with nothing held,
     * so that the late CheckoutPlaced reserves nothing; the unique key on checkout_id settles a race between the two.
     */
    void cancel(UUID checkoutId) {
        if (reservations.existsByCheckoutId(checkoutId)) {
            release(checkoutId, ReleaseReason.CHECKOUT_CANCELLED);
            return;
        }
        Instant now = clock.instant();
        reservations.save(new Reservation(Ids.newId(), checkoutId, ReservationStatus.RELEASED, null, now, now));
        LOG.info("checkout {} was cancelled before its stock was reserved; it will reserve nothing", checkoutId);
    }

    /** The checkout's units still held go back on sale; a reservation already settled is left alone. */
    void release(UUID checkoutId, ReleaseReason reason) {
        var reservation = reservations.lockByCheckoutId(checkoutId).orElse(null);
        if (reservation == null || reservation.status() != ReservationStatus.RESERVED) {
            return;
        }
        Instant now = clock.instant();
        List<ReservationLine> held = lines.findByKeyReservationId(reservation.id()).stream()
                .filter(ReservationLine::held)
                .toList();
        Map<UUID, Integer> perSku = new TreeMap<>();
        held.forEach(l -> perSku.merge(l.key().skuId(), l.quantity(), Integer::sum));
        List<StockMovement> movements = new ArrayList<>();
        perSku.forEach((skuId, quantity) -> {
            if (stock.release(skuId, quantity) != 1) {
                throw new IllegalStateException("reserved stock of " + skuId + " is short of " + quantity);
            }
            movements.add(ledger.movement(skuId, quantity, -quantity, 0, StockMovement.Reason.RELEASE, checkoutId.toString()));
        });
        ledger.record(movements);
        reservations.update(reservation.released(now));
        changes.publishEvent(new StockChanged(List.copyOf(perSku.keySet())));
        outbox.publish(StockReleased.TYPE, StockReleased.VERSION, checkoutId.toString(), new StockReleased(checkoutId,
                reservation.id(), reason.name(), perSku.entrySet().stream()
                .map(e -> new StockReserved.Line(e.getKey(), e.getValue())).toList(), now));
        LOG.info("released the reservation of checkout {} ({}): {}", checkoutId, reason, perSku);
    }

    private static List<StockRejected.Shortage> shortages(Map<UUID, Integer> wanted, Map<UUID, StockRows.Row> rows) {
        List<StockRejected.Shortage> shortages = new ArrayList<>();
        wanted.forEach((skuId, quantity) -> {
            StockRows.Row row = rows.get(skuId);
            if (row == null) {
                shortages.add(new StockRejected.Shortage(skuId, quantity, 0, StockRejected.Reason.UNKNOWN_SKU));
            } else if (!row.onSale()) {
                shortages.add(new StockRejected.Shortage(skuId, quantity, 0, StockRejected.Reason.NOT_PUBLISHED));
            } else if (row.available() < quantity) {
                shortages.add(new StockRejected.Shortage(skuId, quantity, row.available(), StockRejected.Reason.OUT_OF_STOCK));
            }
        });
        return shortages;
    }
}
