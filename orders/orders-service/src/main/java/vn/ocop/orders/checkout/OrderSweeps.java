package vn.ocop.orders.checkout;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.ocop.orders.api.CheckoutCancelled;
import vn.ocop.payments.api.PaymentMethod;

/**
 * What happens when nobody acts: a checkout unpaid at its pay-before time is cancelled (its stock released); an order
 * paid online and shipped {@code auto-deliver-after} ago counts as delivered; an order delivered
 * {@code complete-after} ago is complete. Each item runs in its own transaction and re-checks its status under the
 * row lock, so several instances sweeping at once act once.
 */
@Singleton
@Requires(property = "ocop.orders.sweep.enabled", notEquals = "false")
class OrderSweeps {

    private static final Logger LOG = LoggerFactory.getLogger(OrderSweeps.class);
    private static final int BATCH = 100;
    private static final List<String> ONLINE = Arrays.stream(PaymentMethod.values())
            .filter(PaymentMethod::cashless).map(Enum::name).toList();
    private static final List<String> ANY = Arrays.stream(PaymentMethod.values()).map(Enum::name).toList();

    private final Repositories.Checkouts checkouts;
    private final Repositories.Orders orders;
    private final CheckoutSaga saga;
    private final OrderActions actions;
    private final TransactionOperations<Connection> tx;
    private final Clock clock;
    private final Duration autoDeliverAfter;
    private final Duration completeAfter;

    OrderSweeps(Repositories.Checkouts checkouts, Repositories.Orders orders, CheckoutSaga saga, OrderActions actions,
                TransactionOperations<Connection> tx, Clock clock,
                @Value("${ocop.orders.auto-deliver-after:10d}") Duration autoDeliverAfter,
                @Value("${ocop.orders.complete-after:3d}") Duration completeAfter) {
        this.checkouts = checkouts;
        this.orders = orders;
        this.saga = saga;
        this.actions = actions;
        this.tx = tx;
        this.clock = clock;
        this.autoDeliverAfter = autoDeliverAfter;
        this.completeAfter = completeAfter;
    }

    @Scheduled(fixedDelay = "${ocop.orders.sweep.every:5s}", initialDelay = "${ocop.orders.sweep.every:5s}")
    void sweep() {
        drain("lapsed checkouts", () -> checkouts.findLapsed(clock.instant(), BATCH),
                id -> saga.cancel(id, CheckoutCancelled.EXPIRED, "not paid in time", Actor.SYSTEM));
        drain("shipped orders", () -> orders.findDue(OrderStatus.SHIPPED.name(), clock.instant().minus(autoDeliverAfter),
                ONLINE, BATCH), actions::deliverLapsed);
        drain("delivered orders", () -> orders.findDue(OrderStatus.DELIVERED.name(), clock.instant().minus(completeAfter),
                ANY, BATCH), actions::complete);
    }

    private void drain(String what, Supplier<List<UUID>> due, Consumer<UUID> act) {
        try {
            List<UUID> batch;
            do {
                batch = tx.executeRead(status -> due.get());
                batch.forEach(id -> tx.executeWrite(status -> {
                    act.accept(id);
                    return null;
                }));
            } while (batch.size() == BATCH);
        } catch (RuntimeException e) {
            LOG.warn("sweeping {} failed; trying again on the next sweep", what, e);
        }
    }
}
