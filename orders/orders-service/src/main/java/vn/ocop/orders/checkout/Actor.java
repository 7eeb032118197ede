package vn.ocop.orders.checkout;

import io.micronaut.core.annotation.Nullable;
import java.util.UUID;
import vn.ocop.platform.security.Caller;
import vn.ocop.platform.security.Roles;

/**
 * Who changed an order: an account in the role it acted in, or the system (a sweep or another service's event).
 *
 * @param id   the account, null for the system
 * @param role {@code BUYER}, {@code SELLER}, {@code HELPER}, {@code OFFICER}, {@code ADMIN} or {@code SYSTEM}
 */
record Actor(@Nullable UUID id, String role) {

    static final Actor SYSTEM = new Actor(null, "SYSTEM");

    static Actor buyer(Caller caller) {
        return new Actor(caller.accountId(), Roles.BUYER);
    }

    /** The seller itself, or a helper acting for it. */
    static Actor sellerSide(Caller caller, UUID sellerId) {
        return new Actor(caller.accountId(), caller.accountId().equals(sellerId) ? Roles.SELLER : Roles.HELPER);
    }
}
