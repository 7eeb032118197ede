package vn.ocop.orders.checkout;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.ocop.catalog.api.StockRejected;
import vn.ocop.catalog.api.StockReserved;
import vn.ocop.orders.api.CheckoutAwaitingPayment;
import vn.ocop.orders.api.CheckoutCancelled;
import vn.ocop.orders.api.CheckoutRejected;
import vn.ocop.orders.api.OrderCancelled;
import vn.ocop.orders.api.OrderConfirmed;
import vn.ocop.orders.api.OrderPaid;
import vn.ocop.orders.api.RefundRequested;
import vn.ocop.payments.api.PaymentFailed;
import vn.ocop.payments.api.PaymentSessionOpened;
import vn.ocop.payments.api.PaymentSucceeded;
import vn.ocop.payments.api.RefundCompleted;
import vn.ocop.platform.outbox.Outbox;

/**
 * The checkout's reactions to catalog's and payments' events. Each step runs in the event handler's transaction with
 * the checkout row locked, applies one transition of the aggregate, and publishes what it causes; a step whose
 * transition does not apply (duplicate, late or out-of-order event) changes nothing.
 */
@Singleton
class CheckoutSaga {

    private static final Logger LOG = LoggerFactory.getLogger(CheckoutSaga.class);

    private final Repositories.Checkouts checkouts;
    private final Repositories.Orders orders;
    private final Repositories.Lines lines;
    private final Repositories.History history;
    private final OrderLog orderLog;
    private final Outbox outbox;
    private final CheckoutWatch watch;
    private final Clock clock;

    CheckoutSaga(Repositories.Checkouts checkouts, Repositories.Orders orders, Repositories.Lines lines,
                 Repositories.History history, OrderLog orderLog, Outbox outbox, CheckoutWatch watch, Clock clock) {
        this.checkouts = checkouts;
        this.orders = orders;
        this.lines = lines;
        this.history = history;
        this.orderLog = orderLog;
        this.outbox = outbox;
        this.watch = watch;
        this.clock = clock;
    }

    /**
     * Stock is held: the buyer pays, or, for cash on delivery, every order is confirmed at once (catalog sells its
     * units). Stock reserved for a checkout cancelled meanwhile is handed back at once.
     */
    void stockReserved(StockReserved event) {
        locked(event.checkoutId()).ifPresent(c -> {
            if (c.status() == CheckoutStatus.CANCELLED) {
                outbox.publish(CheckoutCancelled.TYPE, CheckoutCancelled.VERSION, c.id().toString(), CheckoutEvents.cancelled(c));
                return;
            }
            c.stockReserved(event.expiresAt(), now()).map(next -> save(c, next, "StockReserved", Actor.SYSTEM)).ifPresent(saved -> {
                if (saved.checkout().status() == CheckoutStatus.CONFIRMED) {
                    var byOrder = saved.lines();
                    saved.orders().forEach(o -> outbox.publish(OrderConfirmed.TYPE, OrderConfirmed.VERSION, o.id().toString(),
                            CheckoutEvents.confirmed(o, byOrder.get(o.id()))));
                } else {
                    outbox.publish(CheckoutAwaitingPayment.TYPE, CheckoutAwaitingPayment.VERSION, saved.checkout().id().toString(),
                            CheckoutEvents.awaitingPayment(saved.checkout()));
                }
            });
        });
    }

    void stockRejected(StockRejected event) {
        locked(event.checkoutId()).ifPresent(c -> {
            String reason = describe(event.shortages(), linesOf(c.id()));
            c.stockRejected(reason, now()).map(next -> save(c, next, "StockRejected", Actor.SYSTEM))
                    .ifPresent(saved -> outbox.publish(CheckoutRejected.TYPE, CheckoutRejected.VERSION, c.id().toString(),
                            new CheckoutRejected(c.id(), reason)));
        });
    }

    void paymentOpened(PaymentSessionOpened event) {
        var action = event.action();
        locked(event.checkoutId()).flatMap(c -> c.paymentOpened(event.sessionId(), action.kind().name(), action.url(),
                action.qrPayload(), now())).ifPresent(this::update);
    }

    void paymentFailed(PaymentFailed event) {
        locked(event.checkoutId()).flatMap(c -> c.paymentFailed(event.reasonCode() + ": " + event.reason(), now()))
                .ifPresent(this::update);
    }

    /**
     * The payment was captured: the checkout and its orders are paid. Captured for a checkout already cancelled or
     * rejected, it is never turned into a paid order: the checkout waits for the refund payments is asked for. Cash on
     * delivery is no capture: payments announces the cash a seller collected for one delivered order, of a checkout that
     * was confirmed, never paid, and whose cash the platform never held; it changes nothing here and is never refunded.
     */
    void paymentSucceeded(PaymentSucceeded event) {
        if (!event.method().cashless()) {
            LOG.debug("cash collected on delivery ({} VND, {}) recorded by payments for checkout {}", event.amountVnd(),
                    event.providerReference(), event.checkoutId());
            return;
        }
        locked(event.checkoutId()).ifPresent(c -> {
            Optional<Saved> paid = c.paid(event.paidAt(), now()).map(next -> save(c, next, "PaymentSucceeded", Actor.SYSTEM));
            if (paid.isPresent()) {
                var byOrder = paid.get().lines();
                for (SellerOrder order : paid.get().orders()) {
                    outbox.publish(OrderPaid.TYPE, OrderPaid.VERSION, order.id().toString(),
                            CheckoutEvents.paid(paid.get().checkout(), order, byOrder.getOrDefault(order.id(), List.of())));
                }
                return;
            }
            Optional<Checkout> late = c.paidTooLate(event.paidAt(), now())
                    .map(next -> save(c, next, "PaymentSucceeded after " + c.status(), Actor.SYSTEM).checkout());
            if (late.isPresent()) {
                LOG.warn("payment {} of checkout {} captured while it was {}; asking payments to refund {} VND",
                        event.sessionId(), c.id(), c.status(), event.amountVnd());
                outbox.publish(RefundRequested.TYPE, RefundRequested.VERSION, c.id().toString(),
                        CheckoutEvents.refundOfLatePayment(late.get(), event.sessionId(), event.amountVnd()));
                return;
            }
            LOG.warn("payment {} of checkout {} arrived while it is {}; nothing to do", event.sessionId(), c.id(), c.status());
        });
    }

    /** Payments gave money back: a cancelled order's total, or a whole late payment. */
    void refundCompleted(RefundCompleted event) {
        if (event.orderId() != null) {
            orders.lock(event.orderId()).ifPresent(o -> orderLog.save(o, o.refunded(now()), "RefundCompleted", Actor.SYSTEM));
        } else {
            locked(event.checkoutId()).ifPresent(c -> c.refunded(now()).map(next -> save(c, next, "RefundCompleted", Actor.SYSTEM)));
        }
    }

    /**
     * Cancels a checkout that is not yet paid (or confirmed): catalog releases its stock, payments closes its session,
     * and each order is announced cancelled. Nothing happens once it is paid, confirmed, rejected or cancelled.
     */
    Optional<Checkout> cancel(UUID checkoutId, String reason, String cause, Actor actor) {
        return locked(checkoutId).flatMap(c -> c.cancel(reason, now()).map(next -> {
            Saved saved = save(c, next, cause, actor);
            outbox.publish(CheckoutCancelled.TYPE, CheckoutCancelled.VERSION, c.id().toString(),
                    CheckoutEvents.cancelled(saved.checkout()));
            var byOrder = saved.lines();
            saved.orders().forEach(o -> orderLog.publish(OrderCancelled.TYPE, OrderCancelled.VERSION, o,
                    CheckoutEvents.orderCancelled(o, false, byOrder.getOrDefault(o.id(), List.of()))));
            return saved.checkout();
        }));
    }

    private Optional<Checkout> locked(UUID checkoutId) {
        Optional<Checkout> checkout = checkouts.lock(checkoutId);
        if (checkout.isEmpty()) {
            LOG.warn("event for unknown checkout {}", checkoutId);
        }
        return checkout;
    }

    /** A saved checkout with its orders as they are now; their lines are read when asked for. */
    private record Saved(Checkout checkout, List<SellerOrder> orders, Supplier<Map<UUID, List<OrderLine>>> linesOf) {

        Map<UUID, List<OrderLine>> lines() {
            return linesOf.get();
        }
    }

    /** Stores the next state of the checkout and of the orders that follow it, and the change in both histories. */
    private Saved save(Checkout previous, Checkout next, String cause, Actor actor) {
        Checkout saved = update(next);
        List<SellerOrder> current = orders.findByCheckoutIdOrderByNumber(saved.id()).stream()
                .map(order -> orderLog.save(order, order.following(saved), cause, actor).orElse(order))
                .toList();
        history.save(new CheckoutChange(null, saved.id(), previous.status(), saved.status(), cause, saved.updatedAt()));
        return new Saved(saved, current, () -> lines.ofOrders(current.stream().map(SellerOrder::id).toList()).stream()
                .collect(Collectors.groupingBy(l -> l.key().orderId())));
    }

    private Checkout update(Checkout next) {
        watch.changed(next.id());
        return checkouts.update(next);
    }

    private List<OrderLine> linesOf(UUID checkoutId) {
        return lines.ofOrders(
                orders.findByCheckoutIdOrderByNumber(checkoutId).stream().map(SellerOrder::id).toList());
    }

    /** "Gạo ST25 (Túi 5 kg): còn 2, cần 3" for each short line, in the buyer's words. */
    private static String describe(List<StockRejected.Shortage> shortages, List<OrderLine> lines) {
        Map<UUID, OrderLine> bySku = lines.stream().collect(Collectors.toMap(OrderLine::skuId, Function.identity(), (a, b) -> a));
        return shortages.stream().map(s -> {
            OrderLine line = bySku.get(s.skuId());
            String what = line == null ? s.skuId().toString() : line.productName() + " (" + line.skuLabel() + ")";
            return switch (s.reason()) {
                case OUT_OF_STOCK -> what + ": còn " + s.available() + ", cần " + s.requested();
                case NOT_PUBLISHED, UNKNOWN_SKU -> what + ": không còn bán";
            };
        }).collect(Collectors.joining("; "));
    }

    private Instant now() {
        return clock.instant();
    }
}
