package vn.ocop.orders.api;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.UUID;

/**
 * A checkout was cancelled before it was paid (or confirmed, for cash on delivery): its reservation lapsed unpaid, or
 * its buyer cancelled it. Catalog releases the reserved stock, payments closes the open session. A payment that
 * still arrives for it is refunded ({@link RefundRequested}), never turned into a paid order.
 *
 * @param checkoutId     the checkout
 * @param checkoutNumber its public number
 * @param buyerId        the buyer
 * @param reason         {@code EXPIRED} or {@code BUYER}
 * @param cancelledAt    when
 */
@Serdeable
public record CheckoutCancelled(UUID checkoutId, String checkoutNumber, UUID buyerId, String reason, Instant cancelledAt) {

    public static final String TYPE = "CheckoutCancelled";
    public static final int VERSION = 1;

    /** The checkout was not paid before its reservation lapsed. */
    public static final String EXPIRED = "EXPIRED";
    /** The buyer cancelled it. */
    public static final String BY_BUYER = "BUYER";
}
