package vn.ocop.orders.checkout;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The checkout and order aggregates' tables. */
final class Repositories {

    private Repositories() {
    }

    /** The keyset filter every order list shares: optional status, then newest first after the cursor. */
    private static final String PAGE = " AND (:status IS NULL OR status = :status)"
            + " AND (:afterCreated IS NULL OR created_at < :afterCreated OR (created_at = :afterCreated AND id < :afterId))"
            + " ORDER BY created_at DESC, id DESC LIMIT :limit";

    /** A checkout's revision: grows with every change of the checkout or of its orders. */
    @Introspected
    record Revision(UUID id, long revision) {
    }

    /** Whose a checkout is, and its revision: enough to tell a waiting read that nothing changed. */
    @Introspected
    record Stamp(UUID buyerId, long revision) {
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface Checkouts extends CrudRepository<Checkout, UUID> {

        /** The checkout, locked for the rest of the transaction: saga steps on one checkout run one at a time. */
        @Query("SELECT * FROM checkouts WHERE id = :id FOR UPDATE")
        Optional<Checkout> lock(UUID id);

        /** Checkouts still awaiting payment after their pay-before time, oldest first. */
        @Query("SELECT id FROM checkouts WHERE status = 'AWAITING_PAYMENT' AND pay_before < :now ORDER BY pay_before LIMIT :limit")
        List<UUID> findLapsed(Instant now, int limit);

        List<Checkout> findByIdIn(Collection<UUID> ids);

        /** Grows with every change of the checkout or of any of its orders (row versions only grow). */
        @Query("SELECT c.version + COALESCE((SELECT SUM(o.version) FROM orders o WHERE o.checkout_id = c.id), 0) "
                + "FROM checkouts c WHERE c.id = :id")
        Optional<Long> revision(UUID id);

        /** The checkout's buyer and revision, without reading the checkout itself. */
        @Query("SELECT c.buyer_id, c.version + COALESCE((SELECT SUM(o.version) FROM orders o WHERE o.checkout_id = c.id), 0) "
                + "AS revision FROM checkouts c WHERE c.id = :id")
        Optional<Stamp> stamp(UUID id);

        /** The revisions of several checkouts at once. */
        @Query("SELECT c.id, c.version + COALESCE((SELECT SUM(o.version) FROM orders o WHERE o.checkout_id = c.id), 0) "
                + "AS revision FROM checkouts c WHERE c.id IN (:ids)")
        List<Revision> revisions(Collection<UUID> ids);
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface Orders extends CrudRepository<SellerOrder, UUID> {

        List<SellerOrder> findByCheckoutIdOrderByNumber(UUID checkoutId);

        /** The order, locked for the rest of the transaction (its checkout's saga steps lock the checkout first). */
        @Query("SELECT * FROM orders WHERE id = :id FOR UPDATE")
        Optional<SellerOrder> lock(UUID id);

        /** Orders that have been in {@code status} since before {@code before}, oldest first. */
        @Query("SELECT id FROM orders WHERE status = :status AND updated_at < :before AND payment_method IN (:methods) "
                + "ORDER BY updated_at LIMIT :limit")
        List<UUID> findDue(String status, Instant before, Collection<String> methods, int limit);

        @Query("SELECT * FROM orders WHERE buyer_id = :buyerId" + PAGE)
        List<SellerOrder> pageOfBuyer(UUID buyerId, @Nullable String status, @Nullable Instant afterCreated,
                                      @Nullable UUID afterId, int limit);

        @Query("SELECT * FROM orders WHERE seller_id = :sellerId" + PAGE)
        List<SellerOrder> pageOfSeller(UUID sellerId, @Nullable String status, @Nullable Instant afterCreated,
                                       @Nullable UUID afterId, int limit);

        @Query("SELECT * FROM orders WHERE (:province IS NULL OR seller_province_code = :province)" + PAGE)
        List<SellerOrder> pageOfProvince(@Nullable String province, @Nullable String status, @Nullable Instant afterCreated,
                                         @Nullable UUID afterId, int limit);
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface Lines extends CrudRepository<OrderLine, OrderLine.Key> {

        @Query("SELECT * FROM order_lines WHERE order_id IN (:orderIds) ORDER BY order_id, line_no")
        List<OrderLine> ofOrders(Collection<UUID> orderIds);
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface History extends CrudRepository<CheckoutChange, Long> {
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface OrderHistory extends CrudRepository<OrderChange, Long> {

        List<OrderChange> findByOrderIdOrderById(UUID orderId);
    }
}
