package vn.ocop.orders.checkout;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import vn.ocop.payments.api.PaymentMethod;

/**
 * One seller's part of a checkout. Until the checkout is paid (or confirmed) it follows the checkout; afterwards each
 * transition here checks the current status and returns nothing when it does not apply, so a repeated request, a
 * duplicate or a late event changes nothing.
 */
@MappedEntity("orders")
record SellerOrder(@Id UUID id, UUID checkoutId, UUID buyerId, String number, UUID sellerId, String sellerName,
                   @Nullable String sellerProvinceCode, PaymentMethod paymentMethod, OrderStatus status, long subtotalVnd,
                   long shippingVnd, long totalVnd, int weightGrams, @Nullable String carrier,
                   @Nullable String trackingNumber, @Nullable Instant paidAt, @Nullable Instant shippedAt,
                   @Nullable Instant deliveredAt, @Nullable Instant completedAt, @Nullable Instant cancelledAt,
                   @Nullable String cancelledBy, @Nullable String cancelReason, long refundVnd, Instant createdAt,
                   Instant updatedAt, @Version long version) {

    /** The order takes its checkout's status while it follows it (before payment or confirmation). */
    Optional<SellerOrder> following(Checkout checkout) {
        OrderStatus next = OrderStatus.of(checkout.status());
        if (!OrderStatus.FOLLOWING.contains(status) || next == status) {
            return Optional.empty();
        }
        Instant now = checkout.updatedAt();
        boolean cancelled = next == OrderStatus.CANCELLED;
        return Optional.of(new SellerOrder(id, checkoutId, buyerId, number, sellerId, sellerName, sellerProvinceCode, paymentMethod, next,
                subtotalVnd, shippingVnd, totalVnd, weightGrams, carrier, trackingNumber, checkout.paidAt(), shippedAt,
                deliveredAt, completedAt, cancelled ? now : null, cancelled ? Actor.SYSTEM.role() : null,
                cancelled ? checkout.cancelReason() : null, refundVnd, createdAt, now, version));
    }

    /**
     * Cancelled before shipment by its buyer or seller. A paid order waits for its refund; a cash-on-delivery order
     * simply ends. Either way catalog takes its sold units back.
     */
    Optional<SellerOrder> cancel(Actor by, String reason, Instant now) {
        if (status != OrderStatus.PAID && status != OrderStatus.CONFIRMED) {
            return Optional.empty();
        }
        boolean refund = status == OrderStatus.PAID;
        return Optional.of(new SellerOrder(id, checkoutId, buyerId, number, sellerId, sellerName, sellerProvinceCode, paymentMethod,
                refund ? OrderStatus.REFUND_PENDING : OrderStatus.CANCELLED, subtotalVnd, shippingVnd, totalVnd, weightGrams,
                carrier, trackingNumber, paidAt, shippedAt, deliveredAt, completedAt, now, by.role(), reason,
                refund ? totalVnd : 0, createdAt, now, version));
    }

    /** Handed to a carrier: only once paid, or confirmed for cash on delivery. */
    Optional<SellerOrder> ship(String nextCarrier, String nextTracking, Instant now) {
        if (status != OrderStatus.PAID && status != OrderStatus.CONFIRMED) {
            return Optional.empty();
        }
        return Optional.of(new SellerOrder(id, checkoutId, buyerId, number, sellerId, sellerName, sellerProvinceCode, paymentMethod,
                OrderStatus.SHIPPED, subtotalVnd, shippingVnd, totalVnd, weightGrams, nextCarrier, nextTracking, paidAt, now,
                deliveredAt, completedAt, cancelledAt, cancelledBy, cancelReason, refundVnd, createdAt, now, version));
    }

    /** The buyer has the parcel (for cash on delivery: and paid the courier). */
    Optional<SellerOrder> deliver(Instant now) {
        if (status != OrderStatus.SHIPPED) {
            return Optional.empty();
        }
        return Optional.of(new SellerOrder(id, checkoutId, buyerId, number, sellerId, sellerName, sellerProvinceCode, paymentMethod,
                OrderStatus.DELIVERED, subtotalVnd, shippingVnd, totalVnd, weightGrams, carrier, trackingNumber,
                paymentMethod == PaymentMethod.COD ? now : paidAt, shippedAt, now, completedAt, cancelledAt, cancelledBy,
                cancelReason, refundVnd, createdAt, now, version));
    }

    /** Delivered long enough ago: done. */
    Optional<SellerOrder> complete(Instant now) {
        if (status != OrderStatus.DELIVERED) {
            return Optional.empty();
        }
        return Optional.of(moved(OrderStatus.COMPLETED, now, now));
    }

    /** Payments gave the buyer's money back. */
    Optional<SellerOrder> refunded(Instant now) {
        if (status != OrderStatus.REFUND_PENDING) {
            return Optional.empty();
        }
        return Optional.of(moved(OrderStatus.REFUNDED, completedAt, now));
    }

    /** Whether its units are sold in catalog (paid or confirmed, not yet given back). */
    boolean stockSold() {
        return Set.of(OrderStatus.PAID, OrderStatus.CONFIRMED, OrderStatus.SHIPPED, OrderStatus.DELIVERED,
                OrderStatus.COMPLETED).contains(status);
    }

    private SellerOrder moved(OrderStatus next, @Nullable Instant nextCompletedAt, Instant now) {
        return new SellerOrder(id, checkoutId, buyerId, number, sellerId, sellerName, sellerProvinceCode, paymentMethod, next, subtotalVnd,
                shippingVnd, totalVnd, weightGrams, carrier, trackingNumber, paidAt, shippedAt, deliveredAt, nextCompletedAt,
                cancelledAt, cancelledBy, cancelReason, refundVnd, createdAt, now, version);
    }
}
