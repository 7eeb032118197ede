package vn.ocop.orders.api;

import io.micronaut.serde.annotation.Serdeable;
import java.util.UUID;

/**
 * The checkout could not be fulfilled (stock) and will not be paid.
 *
 * @param checkoutId the checkout
 * @param reason     why, readable
 */
@Serdeable
public record CheckoutRejected(UUID checkoutId, String reason) {

    public static final String TYPE = "CheckoutRejected";
    public static final int VERSION = 1;
}
