package vn.ocop.orders.checkout;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import vn.ocop.platform.problem.ProblemException;
import vn.ocop.platform.security.Caller;
import vn.ocop.platform.security.Roles;

/** Reading checkouts: a buyer sees their own, an admin any; others learn nothing, not even that it exists. */
@Singleton
class CheckoutQueries {

    private final Repositories.Checkouts checkouts;
    private final Repositories.Orders orders;
    private final Repositories.Lines lines;

    CheckoutQueries(Repositories.Checkouts checkouts, Repositories.Orders orders, Repositories.Lines lines) {
        this.checkouts = checkouts;
        this.orders = orders;
        this.lines = lines;
    }

    /** A checkout's view and its revision, which grows with every change of the checkout or its orders. */
    record Revised(CheckoutView view, long revision) {
    }

    @Transactional(readOnly = true)
    CheckoutView forCaller(UUID id, Caller caller) {
        return revisedForCaller(id, caller).view();
    }

    /** The checkout's current revision (0 when it does not exist). */
    long revision(UUID id) {
        return checkouts.revision(id).orElse(0L);
    }

    /** The checkout's revision, for a caller who may read it; one small query instead of the whole checkout. */
    long revisionForCaller(UUID id, Caller caller) {
        return checkouts.stamp(id)
                .filter(s -> readable(s.buyerId(), caller))
                .orElseThrow(() -> notFound(id))
                .revision();
    }

    @Transactional(readOnly = true)
    Revised revisedForCaller(UUID id, Caller caller) {
        Checkout checkout = checkouts.findById(id)
                .filter(c -> readable(c.buyerId(), caller))
                .orElseThrow(() -> notFound(id));
        List<SellerOrder> sellerOrders = orders.findByCheckoutIdOrderByNumber(id);
        var byOrder = lines.ofOrders(sellerOrders.stream().map(SellerOrder::id).toList())
                .stream().collect(Collectors.groupingBy(l -> l.key().orderId()));
        long revision = checkout.version() + sellerOrders.stream().mapToLong(SellerOrder::version).sum();
        return new Revised(CheckoutView.of(checkout, sellerOrders, byOrder), revision);
    }

    private static boolean readable(UUID buyerId, Caller caller) {
        return buyerId.equals(caller.accountId()) || caller.has(Roles.ADMIN);
    }

    private static ProblemException notFound(UUID id) {
        return ProblemException.notFound("checkout_not_found", "No checkout {0}", id);
    }
}
