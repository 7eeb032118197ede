package vn.ocop.orders.checkout;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import java.time.Instant;
import java.util.UUID;

/** One seller's part of a checkout; it follows its checkout's status. */
@MappedEntity("orders")
record SellerOrder(@Id UUID id, UUID checkoutId, String number, UUID sellerId, CheckoutStatus status, long subtotalVnd,
                   long shippingVnd, long totalVnd, int weightGrams, Instant createdAt, Instant updatedAt,
                   @Version long version) {

    SellerOrder following(Checkout checkout) {
        return new SellerOrder(id, checkoutId, number, sellerId, checkout.status(), subtotalVnd, shippingVnd, totalVnd,
                weightGrams, createdAt, checkout.updatedAt(), version);
    }
}
