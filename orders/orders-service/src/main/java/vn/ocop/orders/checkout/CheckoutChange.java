package vn.ocop.orders.checkout;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;

/** A status change of a checkout and the event or request that caused it. */
@MappedEntity("checkout_history")
record CheckoutChange(@Id @GeneratedValue @Nullable Long id, UUID checkoutId, @Nullable CheckoutStatus fromStatus,
                      CheckoutStatus toStatus, String cause, Instant changedAt) {
}
