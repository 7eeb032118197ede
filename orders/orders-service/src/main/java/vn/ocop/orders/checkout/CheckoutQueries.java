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

    @Transactional(readOnly = true)
    CheckoutView forCaller(UUID id, Caller caller) {
        Checkout checkout = checkouts.findById(id)
                .filter(c -> c.buyerId().equals(caller.accountId()) || caller.has(Roles.ADMIN))
                .orElseThrow(() -> ProblemException.notFound("checkout_not_found", "No checkout {0}", id));
        List<SellerOrder> sellerOrders = orders.findByCheckoutIdOrderByNumber(id);
        var byOrder = lines.ofOrders(sellerOrders.stream().map(SellerOrder::id).toList())
                .stream().collect(Collectors.groupingBy(l -> l.key().orderId()));
        return CheckoutView.of(checkout, sellerOrders, byOrder);
    }
}
