package vn.ocop.orders.checkout;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;

/** A status change of a seller order, what caused it and who. */
@MappedEntity("order_history")
record OrderChange(@Id @GeneratedValue @Nullable Long id, UUID orderId, @Nullable OrderStatus fromStatus,
                   OrderStatus toStatus, String cause, @Nullable UUID actorId, String actorRole, Instant changedAt) {

    static OrderChange of(SellerOrder before, SellerOrder after, String cause, Actor actor) {
        return new OrderChange(null, after.id(), before == null ? null : before.status(), after.status(), cause, actor.id(),
                actor.role(), after.updatedAt());
    }
}
