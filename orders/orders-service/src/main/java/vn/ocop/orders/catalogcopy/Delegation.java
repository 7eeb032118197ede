package vn.ocop.orders.catalogcopy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import java.time.Instant;
import java.util.UUID;

/**
 * Orders' copy of a seller's delegation to a helper, as catalog last published it: whether it covers orders, and
 * until when.
 */
@MappedEntity("delegations")
public record Delegation(@EmbeddedId Key key, boolean orders, @Nullable Instant validUntil, long revision) {

    @Embeddable
    public record Key(@MappedProperty("seller_id") UUID sellerId, @MappedProperty("helper_id") UUID helperId) {
    }

    /** Whether the helper may see and fulfil the seller's orders at {@code now}. */
    public boolean coversOrders(Instant now) {
        return orders && validUntil != null && now.isBefore(validUntil);
    }
}
