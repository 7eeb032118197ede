package vn.ocop.catalog.inventory;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.MYSQL)
interface ReservationLineRepository extends CrudRepository<ReservationLine, ReservationLine.Key> {

    List<ReservationLine> findByKeyReservationId(UUID reservationId);
}
