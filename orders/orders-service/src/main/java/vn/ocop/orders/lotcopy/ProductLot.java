package vn.ocop.orders.lotcopy;

import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import java.time.Instant;
import java.util.UUID;

/** Orders' copy of a lot registered in traceability: a shipped line of the product may name it. */
@MappedEntity("product_lots")
public record ProductLot(@EmbeddedId Key key, UUID sellerId, Instant registeredAt) {

    @Embeddable
    public record Key(@MappedProperty("product_id") UUID productId, @MappedProperty("lot_code") String lotCode) {
    }
}
