package vn.ocop.traceability.qr;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads the serial numbers of lots for their labels; packing numbers them 1, 2, 3... per lot without gaps. */
@JdbcRepository(dialect = Dialect.MYSQL)
interface LabelSerials extends GenericRepository<LabelSerial, String> {

    Optional<LabelSerial> findBySerialAndLotId(String serial, UUID lotId);

    @Query("SELECT COALESCE(MAX(ordinal), 0) FROM lot_serials WHERE lot_id = :lotId")
    int lastOrdinal(UUID lotId);

    /** The lot's serials numbered {@code from} to {@code to}, in order. */
    @Query("SELECT serial, lot_id, ordinal FROM lot_serials WHERE lot_id = :lotId AND ordinal BETWEEN :from AND :to ORDER BY ordinal")
    List<LabelSerial> range(UUID lotId, int from, int to);
}
