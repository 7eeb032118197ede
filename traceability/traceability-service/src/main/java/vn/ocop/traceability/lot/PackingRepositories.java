package vn.ocop.traceability.lot;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Packings and serial numbers. */
final class PackingRepositories {

    private PackingRepositories() {
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface Packings extends CrudRepository<Packing, UUID> {

        boolean existsByLotId(UUID lotId);

        List<Packing> findByLotIdOrderByCreatedAt(UUID lotId);
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface Serials extends CrudRepository<LotSerial, String> {

        long countByPackingId(UUID packingId);

        @Query("SELECT COALESCE(MAX(ordinal), 0) FROM lot_serials WHERE lot_id = :lotId")
        int lastOrdinal(UUID lotId);

        @Query("SELECT serial FROM lot_serials WHERE serial IN (:serials)")
        List<String> taken(Collection<String> serials);

        /** A lot's serials in ordinal order, after {@code afterOrdinal} when given. */
        @Query("SELECT * FROM lot_serials WHERE lot_id = :lotId AND (:afterOrdinal IS NULL OR ordinal > :afterOrdinal)"
                + " ORDER BY ordinal LIMIT :limit")
        List<LotSerial> page(UUID lotId, @Nullable Integer afterOrdinal, int limit);
    }
}
