package vn.ocop.orders.checkout;

import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import java.util.UUID;

/** A line of a seller order, priced when the checkout was placed. */
@MappedEntity("order_lines")
record OrderLine(@EmbeddedId Key key, UUID skuId, UUID productId, String productName, String skuLabel, int quantity,
                 long unitPriceVnd, long lineTotalVnd) {

    @Embeddable
    record Key(@MappedProperty("order_id") UUID orderId, @MappedProperty("line_no") int lineNo) {
    }
}
