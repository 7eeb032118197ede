package vn.ocop.catalog.inventory;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A safety net that gives back the stock of checkouts left unpaid well past their reservation's expiry. Orders is the
 * authority on expiry: it cancels an unpaid checkout at its pay-before time and its {@code CheckoutCancelled}
 * releases the stock. The sweeper waits a further {@code ocop.catalog.reservation-sweep.grace} (default 10 minutes),
 * so that a payment captured just before the deadline still finds its stock reserved, and acts only when that
 * cancellation never came. Each release runs in its own transaction and re-checks the reservation under its row
 * lock, so several instances sweeping at once, or a payment committed meanwhile, never release twice or release what
 * was sold.
 */
@Singleton
@Requires(property = "ocop.catalog.reservation-sweep.enabled", notEquals = "false")
class ReservationExpiry {

    private static final Logger LOG = LoggerFactory.getLogger(ReservationExpiry.class);
    private static final int BATCH = 100;

    private final ReservationRepository reservations;
    private final StockReservations stock;
    private final TransactionOperations<Connection> tx;
    private final Clock clock;
    private final Duration grace;

    ReservationExpiry(ReservationRepository reservations, StockReservations stock, TransactionOperations<Connection> tx,
                      Clock clock, @Value("${ocop.catalog.reservation-sweep.grace:10m}") Duration grace) {
        this.reservations = reservations;
        this.stock = stock;
        this.tx = tx;
        this.clock = clock;
        this.grace = grace;
    }

    @Scheduled(fixedDelay = "${ocop.catalog.reservation-sweep.every:10s}", initialDelay = "${ocop.catalog.reservation-sweep.every:10s}")
    void sweep() {
        try {
            int released;
            do {
                List<UUID> expired = tx.executeRead(status -> reservations.findExpiredCheckouts(clock.instant().minus(grace), BATCH));
                expired.forEach(checkoutId -> tx.executeWrite(status -> {
                    stock.release(checkoutId, StockReservations.ReleaseReason.EXPIRED);
                    return null;
                }));
                released = expired.size();
            } while (released == BATCH);
        } catch (RuntimeException e) {
            LOG.warn("releasing expired reservations failed; trying again on the next sweep", e);
        }
    }
}
