package vn.ocop.orders.checkout;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.ocop.platform.problem.ProblemException;
import vn.ocop.platform.security.Caller;
import vn.ocop.platform.security.Roles;

/**
 * Reading orders: a buyer's own, a seller's incoming ones (also for its helpers), and a province's for its officers.
 * A page costs three statements whatever its size: the orders, their lines, their checkouts' addresses.
 */
@Singleton
class OrderQueries {

    static final int MAX_LIMIT = 100;

    private final Repositories.Orders orders;
    private final Repositories.Lines lines;
    private final Repositories.Checkouts checkouts;
    private final Repositories.OrderHistory history;
    private final OrderAccess access;

    OrderQueries(Repositories.Orders orders, Repositories.Lines lines, Repositories.Checkouts checkouts,
                 Repositories.OrderHistory history, OrderAccess access) {
        this.orders = orders;
        this.lines = lines;
        this.checkouts = checkouts;
        this.history = history;
        this.access = access;
    }

    @Transactional(readOnly = true)
    OrderView one(UUID id, Caller caller) {
        SellerOrder order = orders.findById(id).orElseThrow(() -> OrderAccess.notFound(id));
        access.requireReadable(caller, order);
        Checkout address = showsAddress(caller, order) ? checkouts.findById(order.checkoutId()).orElse(null) : null;
        return OrderView.of(order, lines.ofOrders(List.of(id)), address, history.findByOrderIdOrderById(id));
    }

    @Transactional(readOnly = true)
    OrderPage ofBuyer(Caller caller, @Nullable OrderStatus status, @Nullable String cursor, int limit) {
        var after = OrderPage.Cursor.decode(cursor);
        return page(caller, orders.pageOfBuyer(caller.accountId(), name(status), after == null ? null : after.createdAt(),
                after == null ? null : after.id(), limit + 1), limit);
    }

    @Transactional(readOnly = true)
    OrderPage ofSeller(Caller caller, UUID sellerId, @Nullable OrderStatus status, @Nullable String cursor, int limit) {
        if (!access.actsForSeller(caller, sellerId) && !caller.has(Roles.ADMIN)) {
            throw ProblemException.forbidden("order_seller_only", "Only the seller (or its helper) sees its orders");
        }
        var after = OrderPage.Cursor.decode(cursor);
        return page(caller, orders.pageOfSeller(sellerId, name(status), after == null ? null : after.createdAt(),
                after == null ? null : after.id(), limit + 1), limit);
    }

    /** Officers read their own province's orders; admins any province, or all without one. */
    @Transactional(readOnly = true)
    OrderPage ofProvince(Caller caller, @Nullable String province, @Nullable OrderStatus status, @Nullable String cursor,
                         int limit) {
        String scope = province;
        if (!caller.has(Roles.ADMIN)) {
            String own = caller.officerProvince().orElseThrow(() -> ProblemException.forbidden("officer_only",
                    "Only officers and admins read orders by province"));
            if (scope != null && !scope.equals(own)) {
                throw ProblemException.forbidden("province_forbidden", "Officers read the orders of their own province ({0})",
                        own);
            }
            scope = own;
        }
        var after = OrderPage.Cursor.decode(cursor);
        return page(caller, orders.pageOfProvince(scope, name(status), after == null ? null : after.createdAt(),
                after == null ? null : after.id(), limit + 1), limit);
    }

    private OrderPage page(Caller caller, List<SellerOrder> found, int limit) {
        List<SellerOrder> shown = found.size() > limit ? found.subList(0, limit) : found;
        if (shown.isEmpty()) {
            return new OrderPage(List.of(), null);
        }
        Map<UUID, List<OrderLine>> byOrder = lines.ofOrders(shown.stream().map(SellerOrder::id).toList()).stream()
                .collect(Collectors.groupingBy(l -> l.key().orderId()));
        Map<UUID, Boolean> sellerSide = new HashMap<>();
        List<UUID> withAddress = shown.stream()
                .filter(o -> access.isBuyer(caller, o)
                        || sellerSide.computeIfAbsent(o.sellerId(), s -> access.actsForSeller(caller, s)))
                .map(SellerOrder::checkoutId).distinct().toList();
        Map<UUID, Checkout> addresses = withAddress.isEmpty() ? Map.of() : checkouts.findByIdIn(withAddress).stream()
                .collect(Collectors.toMap(Checkout::id, Function.identity()));
        List<OrderView> items = shown.stream().map(o -> OrderView.of(o, byOrder.getOrDefault(o.id(), List.of()),
                addresses.get(o.checkoutId()), null)).toList();
        SellerOrder last = shown.get(shown.size() - 1);
        return new OrderPage(items, found.size() > limit ? new OrderPage.Cursor(last.createdAt(), last.id()).encode() : null);
    }

    private boolean showsAddress(Caller caller, SellerOrder order) {
        return access.isBuyer(caller, order) || access.actsForSeller(caller, order.sellerId());
    }

    private static @Nullable String name(@Nullable OrderStatus status) {
        return status == null ? null : status.name();
    }
}
