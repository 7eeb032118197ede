package vn.ocop.orders.api;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.UUID;
import vn.ocop.payments.api.PaymentMethod;

/**
 * The buyer has the parcel: confirmed by the buyer, by the seller when the courier collected the cash of a
 * cash-on-delivery order, or automatically some days after shipment.
 *
 * @param orderId          the order
 * @param orderNumber      its public number
 * @param checkoutId       its checkout
 * @param sellerId         the seller
 * @param paymentMethod    how it was paid
 * @param cashCollectedVnd cash collected at the door (cash on delivery), else 0
 * @param confirmedBy      {@code BUYER}, {@code SELLER} or {@code SYSTEM}
 * @param deliveredAt      when
 */
@Serdeable
public record OrderDelivered(UUID orderId, String orderNumber, UUID checkoutId, UUID sellerId, PaymentMethod paymentMethod,
                             long cashCollectedVnd, String confirmedBy, Instant deliveredAt) {

    public static final String TYPE = "OrderDelivered";
    public static final int VERSION = 1;
}
