package vn.ocop.traceability.recall;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import vn.ocop.orders.api.OrderShipped;
import vn.ocop.traceability.lot.Lot;

/**
 * The orders that shipped units of each lot, kept from orders' {@link OrderShipped} (in the handler's inbox
 * transaction): order id and number, checkout, units, carrier and tracking number, when. A redelivered event writes
 * nothing more.
 */
@Singleton
public class LotShipments {

    private final Rows rows;

    LotShipments(Rows rows) {
        this.rows = rows;
    }

    /** Units of one lot an order shipped. */
    @Introspected
    public record Shipment(UUID lotId, UUID orderId, String orderNumber, UUID checkoutId, int units, String carrier,
                           String trackingNumber, Instant shippedAt) {
    }

    /** Keeps that an order shipped {@code units} of the lot (inside the caller's transaction). */
    public void record(OrderShipped shipped, UUID lotId, int units) {
        rows.insert(lotId, shipped.orderId(), shipped.orderNumber(), shipped.checkoutId(), shipped.sellerId(), units,
                shipped.carrier(), shipped.trackingNumber(), shipped.shippedAt());
    }

    /** What orders shipped of these lots, in shipping order. */
    List<Shipment> ofLots(Collection<UUID> lotIds) {
        return lotIds.isEmpty() ? List.of() : rows.ofLots(lotIds);
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface Rows extends GenericRepository<Lot, UUID> {

        @Query("INSERT INTO lot_shipments (lot_id, order_id, order_number, checkout_id, seller_id, units, carrier, tracking_number,"
                + " shipped_at) VALUES (:lotId, :orderId, :orderNumber, :checkoutId, :sellerId, :units, :carrier, :trackingNumber,"
                + " :shippedAt) ON DUPLICATE KEY UPDATE lot_id = lot_id")
        void insert(UUID lotId, UUID orderId, String orderNumber, UUID checkoutId, UUID sellerId, int units, String carrier,
                    String trackingNumber, Instant shippedAt);

        @Query("SELECT lot_id, order_id, order_number, checkout_id, units, carrier, tracking_number, shipped_at FROM lot_shipments"
                + " WHERE lot_id IN (:lotIds) ORDER BY shipped_at, order_number, lot_id")
        List<Shipment> ofLots(Collection<UUID> lotIds);
    }
}
