package vn.ocop.traceability.scan;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;
import java.util.UUID;

/** Reads the counterfeit signals. */
@JdbcRepository(dialect = Dialect.MYSQL)
interface SignalRepository extends GenericRepository<Signal, UUID> {

    /**
     * A page of signals, newest first, after the cursor (an id) when given; of one kind, one province or one seller when
     * those are given (a province or a seller never matches a signal that has none).
     */
    @Query("SELECT * FROM scan_signals WHERE (:kind IS NULL OR kind = :kind)"
            + " AND (:province IS NULL OR province_code = :province) AND (:seller IS NULL OR seller_id = :seller)"
            + " AND (:before IS NULL OR id < :before) ORDER BY id DESC LIMIT :limit")
    List<Signal> page(@Nullable String kind, @Nullable String province, @Nullable String seller, @Nullable String before,
                      int limit);
}
