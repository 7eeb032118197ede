package vn.ocop.orders.checkout;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.UUID;
import vn.ocop.orders.catalogcopy.Delegation;
import vn.ocop.orders.catalogcopy.DelegationRepository;
import vn.ocop.platform.problem.ProblemException;
import vn.ocop.platform.security.Caller;
import vn.ocop.platform.security.Roles;

/**
 * Who may see and change an order: its buyer; its seller, or a helper holding the seller's {@code ORDERS}
 * delegation; officers of the seller's province and admins may read. Anyone else learns nothing, not even that the
 * order exists.
 */
@Singleton
class OrderAccess {

    private final DelegationRepository delegations;
    private final Clock clock;

    OrderAccess(DelegationRepository delegations, Clock clock) {
        this.delegations = delegations;
        this.clock = clock;
    }

    boolean isBuyer(Caller caller, SellerOrder order) {
        return caller.accountId().equals(order.buyerId());
    }

    /** The seller itself, or a helper whose delegation covers orders now. */
    boolean actsForSeller(Caller caller, UUID sellerId) {
        if (caller.accountId().equals(sellerId)) {
            return true;
        }
        return caller.has(Roles.HELPER) && delegations.findById(new Delegation.Key(sellerId, caller.accountId()))
                .map(d -> d.coversOrders(clock.instant())).orElse(false);
    }

    boolean oversees(Caller caller, SellerOrder order) {
        return caller.has(Roles.ADMIN) || caller.officerProvince().filter(p -> p.equals(order.sellerProvinceCode())).isPresent();
    }

    /** 404 unless the caller may read the order. */
    void requireReadable(Caller caller, SellerOrder order) {
        if (!isBuyer(caller, order) && !actsForSeller(caller, order.sellerId()) && !oversees(caller, order)) {
            throw notFound(order.id());
        }
    }

    /** 404 unless the caller may read the order, 403 unless it is the seller's side. */
    Actor requireSellerSide(Caller caller, SellerOrder order) {
        requireReadable(caller, order);
        if (!actsForSeller(caller, order.sellerId())) {
            throw ProblemException.forbidden("order_seller_only", "Only the seller of order {0} (or its helper) may do this",
                    order.number());
        }
        return Actor.sellerSide(caller, order.sellerId());
    }

    static ProblemException notFound(UUID id) {
        return ProblemException.notFound("order_not_found", "No order {0}", id);
    }
}
