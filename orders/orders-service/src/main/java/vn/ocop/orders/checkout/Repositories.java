package vn.ocop.orders.checkout;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The checkout aggregate's tables. */
final class Repositories {

    private Repositories() {
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface Checkouts extends CrudRepository<Checkout, UUID> {

        /** The checkout, locked for the rest of the transaction: saga steps on one checkout run one at a time. */
        @Query("SELECT * FROM checkouts WHERE id = :id FOR UPDATE")
        Optional<Checkout> lock(UUID id);
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface Orders extends CrudRepository<SellerOrder, UUID> {

        List<SellerOrder> findByCheckoutIdOrderByNumber(UUID checkoutId);
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface Lines extends CrudRepository<OrderLine, OrderLine.Key> {

        @Query("SELECT * FROM order_lines WHERE order_id IN (:orderIds) ORDER BY order_id, line_no")
        List<OrderLine> ofOrders(Collection<UUID> orderIds);
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface History extends CrudRepository<CheckoutChange, Long> {
    }
}
