package vn.ocop.orders.checkout;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import vn.ocop.platform.outbox.Outbox;
import vn.ocop.platform.security.Roles;

/**
 * Stores order transitions: the new state, a history row naming who and why, and the events it causes, all in the
 * caller's transaction.
 */
@Singleton
class OrderLog {

    private final Repositories.Orders orders;
    private final Repositories.Lines lines;
    private final Repositories.OrderHistory history;
    private final Outbox outbox;
    private final CheckoutWatch watch;

    OrderLog(Repositories.Orders orders, Repositories.Lines lines, Repositories.OrderHistory history, Outbox outbox,
             CheckoutWatch watch) {
        this.orders = orders;
        this.lines = lines;
        this.history = history;
        this.outbox = outbox;
        this.watch = watch;
    }

    /** Saves {@code next} (when the transition applied) with its history row. */
    Optional<SellerOrder> save(SellerOrder before, Optional<SellerOrder> next, String cause, Actor actor) {
        return next.map(after -> {
            watch.changed(after.checkoutId());
            SellerOrder saved = orders.update(after);
            history.save(OrderChange.of(before, saved, cause, actor));
            return saved;
        });
    }

    void placed(List<SellerOrder> placed) {
        history.saveAll(placed.stream().map(o -> OrderChange.of(null, o, "placed by buyer", new Actor(o.buyerId(), Roles.BUYER)))
                .toList());
    }

    List<OrderLine> linesOf(UUID orderId) {
        return lines.ofOrders(List.of(orderId));
    }

    void publish(String type, int version, SellerOrder order, Object event) {
        outbox.publish(type, version, order.id().toString(), event);
    }
}
