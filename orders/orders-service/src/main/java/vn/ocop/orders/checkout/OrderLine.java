package vn.ocop.orders.checkout;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import java.util.UUID;

/** A line of a seller order, priced when the checkout was placed; once shipped, the lot its units came from. */
@MappedEntity("order_lines")
record OrderLine(@EmbeddedId Key key, UUID skuId, UUID productId, String productName, String skuLabel, int quantity,
                 long unitPriceVnd, long lineTotalVnd, @Nullable String lotCode) {

    OrderLine withLot(@Nullable String lot) {
        return new OrderLine(key, skuId, productId, productName, skuLabel, quantity, unitPriceVnd, lineTotalVnd, lot);
    }

    @Embeddable
    record Key(@MappedProperty("order_id") UUID orderId, @MappedProperty("line_no") int lineNo) {
    }
}
