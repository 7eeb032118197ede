package vn.ocop.orders.checkout;

import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import vn.ocop.orders.api.OrderCancelled;
import vn.ocop.orders.api.OrderCompleted;
import vn.ocop.orders.api.OrderDelivered;
import vn.ocop.orders.api.OrderShipped;
import vn.ocop.orders.api.RefundRequested;
import vn.ocop.orders.lotcopy.ProductLotRepository;
import vn.ocop.payments.api.PaymentMethod;
import vn.ocop.platform.problem.Problem;
import vn.ocop.platform.problem.ProblemException;
import vn.ocop.platform.security.Caller;

/**
 * What buyers and sellers do to one order after payment: cancel before shipment, ship with lots, confirm delivery;
 * and what the sweeps do when nobody does. Each runs in one transaction with the order row locked; a transition that
 * does not apply to the current status is a 409 naming it, and changes nothing.
 */
@Singleton
class OrderActions {

    private final Repositories.Orders orders;
    private final Repositories.Lines lines;
    private final ProductLotRepository lots;
    private final OrderAccess access;
    private final OrderLog log;
    private final Clock clock;

    OrderActions(Repositories.Orders orders, Repositories.Lines lines, ProductLotRepository lots, OrderAccess access,
                 OrderLog log, Clock clock) {
        this.orders = orders;
        this.lines = lines;
        this.lots = lots;
        this.access = access;
        this.log = log;
        this.clock = clock;
    }

    /**
     * The buyer or the seller cancels an order not yet shipped. Its units go back on sale; a paid order's total is
     * refunded through payments. An order not yet paid is cancelled with its whole checkout (one payment for all).
     */
    @Transactional
    SellerOrder cancel(UUID orderId, Caller caller, String reason) {
        SellerOrder order = locked(orderId);
        Actor actor;
        if (access.isBuyer(caller, order)) {
            actor = Actor.buyer(caller);
        } else {
            actor = access.requireSellerSide(caller, order);
        }
        if (OrderStatus.FOLLOWING.contains(order.status())) {
            throw ProblemException.conflict("order_unpaid", "Order {0} is not paid yet: cancel its checkout instead",
                    order.number());
        }
        SellerOrder cancelled = log.save(order, order.cancel(actor, reason, clock.instant()), "cancelled: " + reason, actor)
                .orElseThrow(() -> wrongStatus(order, "cancelled"));
        log.publish(OrderCancelled.TYPE, OrderCancelled.VERSION, cancelled,
                CheckoutEvents.orderCancelled(cancelled, true, log.linesOf(orderId)));
        if (cancelled.refundVnd() > 0) {
            log.publish(RefundRequested.TYPE, RefundRequested.VERSION, cancelled, CheckoutEvents.refundOf(cancelled));
        }
        return cancelled;
    }

    /**
     * The seller hands the order to a carrier, naming the lot of each line. A line of a product with registered lots
     * must name one of them; a product without lots needs none, and a named lot must be the product's.
     */
    @Transactional
    SellerOrder ship(UUID orderId, Caller caller, ShipmentRequest request) {
        SellerOrder order = locked(orderId);
        Actor actor = access.requireSellerSide(caller, order);
        List<OrderLine> held = log.linesOf(orderId);
        List<OrderLine> withLots = assignLots(held, request);
        SellerOrder shipped = log.save(order, order.ship(request.carrier().strip(), request.trackingNumber().strip(),
                clock.instant()), "shipped with " + request.carrier().strip(), actor)
                .orElseThrow(() -> wrongStatus(order, "shipped"));
        lines.updateAll(withLots);
        log.publish(OrderShipped.TYPE, OrderShipped.VERSION, shipped, CheckoutEvents.shipped(shipped, withLots));
        return shipped;
    }

    /**
     * The parcel arrived: the buyer confirms it, or, for cash on delivery, the seller records that the courier
     * collected the cash.
     */
    @Transactional
    SellerOrder deliver(UUID orderId, Caller caller) {
        SellerOrder order = locked(orderId);
        Actor actor;
        if (access.isBuyer(caller, order)) {
            actor = Actor.buyer(caller);
        } else {
            actor = access.requireSellerSide(caller, order);
            if (order.paymentMethod() != PaymentMethod.COD) {
                throw ProblemException.forbidden("delivery_by_buyer",
                        "Order {0} was paid online: its buyer confirms the delivery (or it is confirmed automatically)",
                        order.number());
            }
        }
        return delivered(order, actor).orElseThrow(() -> wrongStatus(order, "delivered"));
    }

    /** A sweep: an order shipped long ago and paid online counts as delivered. */
    @Transactional
    void deliverLapsed(UUID orderId) {
        orders.lock(orderId).ifPresent(order -> delivered(order, Actor.SYSTEM));
    }

    /** A sweep: an order delivered long enough ago is complete. */
    @Transactional
    void complete(UUID orderId) {
        orders.lock(orderId).ifPresent(order -> log.save(order, order.complete(clock.instant()), "completed", Actor.SYSTEM)
                .ifPresent(done -> log.publish(OrderCompleted.TYPE, OrderCompleted.VERSION, done, CheckoutEvents.completed(done))));
    }

    private Optional<SellerOrder> delivered(SellerOrder order, Actor actor) {
        return log.save(order, order.deliver(clock.instant()), "delivered", actor).map(done -> {
            log.publish(OrderDelivered.TYPE, OrderDelivered.VERSION, done, CheckoutEvents.delivered(done, actor));
            return done;
        });
    }

    private List<OrderLine> assignLots(List<OrderLine> held, ShipmentRequest request) {
        Map<Integer, String> named = new HashMap<>();
        List<Problem.FieldError> errors = new ArrayList<>();
        Set<Integer> lineNos = held.stream().map(l -> l.key().lineNo()).collect(Collectors.toSet());
        for (int i = 0; i < request.lines().size(); i++) {
            var line = request.lines().get(i);
            if (!lineNos.contains(line.lineNo())) {
                errors.add(new Problem.FieldError("lines[" + i + "].lineNo", "is not a line of this order"));
            } else if (named.put(line.lineNo(), line.lotCode().strip()) != null) {
                errors.add(new Problem.FieldError("lines[" + i + "].lineNo", "is named twice"));
            }
        }
        Map<UUID, Set<String>> lotsOf = lots.ofProducts(held.stream().map(OrderLine::productId).distinct().toList()).stream()
                .collect(Collectors.groupingBy(l -> l.key().productId(), Collectors.mapping(l -> l.key().lotCode(),
                        Collectors.toSet())));
        Map<Integer, Integer> requestIndex = new HashMap<>();
        for (int i = 0; i < request.lines().size(); i++) {
            requestIndex.putIfAbsent(request.lines().get(i).lineNo(), i);
        }
        for (OrderLine line : held) {
            Set<String> productLots = lotsOf.getOrDefault(line.productId(), Set.of());
            String lot = named.get(line.key().lineNo());
            if (lot == null && !productLots.isEmpty()) {
                errors.add(new Problem.FieldError("lines", "line " + line.key().lineNo() + " (" + line.productName()
                        + ") needs the lot its units came from"));
            } else if (lot != null && !productLots.contains(lot)) {
                errors.add(new Problem.FieldError("lines[" + requestIndex.get(line.key().lineNo()) + "].lotCode",
                        "is not a lot of " + line.productName()));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "shipment_lots_invalid", errors,
                    "The shipment does not name the right lots");
        }
        return held.stream().map(l -> l.withLot(named.get(l.key().lineNo()))).toList();
    }

    private SellerOrder locked(UUID orderId) {
        return orders.lock(orderId).orElseThrow(() -> OrderAccess.notFound(orderId));
    }

    private static ProblemException wrongStatus(SellerOrder order, String wanted) {
        return ProblemException.conflict("order_status_conflict", "Order {0} is {1} and cannot be {2}", order.number(),
                order.status(), wanted);
    }
}
