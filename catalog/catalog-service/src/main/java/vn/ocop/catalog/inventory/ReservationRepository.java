package vn.ocop.catalog.inventory;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.MYSQL)
interface ReservationRepository extends CrudRepository<Reservation, UUID> {

    boolean existsByCheckoutId(UUID checkoutId);

    @Query("SELECT * FROM reservations WHERE checkout_id = :checkoutId FOR UPDATE")
    Optional<Reservation> lockByCheckoutId(UUID checkoutId);

    /** Checkouts whose reservation, still held, expired before {@code before}, oldest first. */
    @Query("SELECT checkout_id FROM reservations WHERE status = 'RESERVED' AND expires_at < :before ORDER BY expires_at "
            + "LIMIT :limit")
    List<UUID> findExpiredCheckouts(Instant before, int limit);
}
