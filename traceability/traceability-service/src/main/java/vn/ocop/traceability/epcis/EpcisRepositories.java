package vn.ocop.traceability.epcis;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The EPCIS tables, and the lots as EPCIS reads them. */
final class EpcisRepositories {

    private EpcisRepositories() {
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface StoredEvents extends CrudRepository<StoredEvent, UUID> {

        List<StoredEvent> findByEventIdIn(Collection<String> eventIds);

        Optional<StoredEvent> findByEventId(String eventId);

        /** Our lots with these codes, with their product's GTIN; codes compare exactly. */
        @Query("SELECT l.id, l.code, l.seller_id, p.gtin, l.unit FROM lots l LEFT JOIN products p ON p.product_id = l.product_id"
                + " WHERE l.code IN (:codes)")
        List<KnownLot> lotsByCodes(Collection<String> codes);

        @Query("SELECT l.id, l.code, l.seller_id, p.gtin, l.unit FROM lots l LEFT JOIN products p ON p.product_id = l.product_id"
                + " WHERE l.id = :id")
        Optional<KnownLot> lotById(UUID id);
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface ChainHeads extends CrudRepository<ChainHead, UUID> {

        /**
         * Creates the lot's chain head if it has none, and in either case locks it (an exclusive row lock, held to the
         * end of the transaction): appends to one lot's chain run one after the other.
         */
        @Query("INSERT INTO epcis_lot_chains (lot_id, length, head_hash, updated_at) VALUES (:lotId, 0, :genesis, :at)"
                + " ON DUPLICATE KEY UPDATE lot_id = lot_id")
        void openAndLock(UUID lotId, String genesis, Instant at);

        @Query("SELECT * FROM epcis_lot_chains WHERE lot_id IN (:lotIds) ORDER BY lot_id FOR UPDATE")
        List<ChainHead> lock(Collection<UUID> lotIds);
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface ChainLinks extends GenericRepository<StoredEvent, UUID> {

        @Query("INSERT INTO epcis_lot_events (lot_id, position, event_row, seller_id, event_time, hash)"
                + " VALUES (:lotId, :position, :eventRow, :sellerId, :eventTime, :hash)")
        void append(UUID lotId, int position, UUID eventRow, UUID sellerId, Instant eventTime, String hash);

        String LINK_COLUMNS = "SELECT le.position, le.hash, e.id AS event_row, e.event_id, e.event_type, e.event_time,"
                + " e.event_time_zone_offset, e.biz_step, e.disposition, e.read_point, e.biz_location, e.body, e.context,"
                + " e.recorded_at FROM epcis_lot_events le JOIN epcis_events e ON e.id = le.event_row";

        @Query("SELECT DISTINCT seller_id FROM epcis_lot_events WHERE event_row = :eventRow")
        List<UUID> sellersOf(UUID eventRow);

        /** The whole chain, in order. */
        @Query(LINK_COLUMNS + " WHERE le.lot_id = :lotId ORDER BY le.position")
        List<ChainLink> chain(UUID lotId);

        /** A page of the chain's events that happened in [from, to), after position {@code after}. */
        @Query(LINK_COLUMNS + " WHERE le.lot_id = :lotId AND le.position > :after AND le.event_time >= :from"
                + " AND le.event_time < :to ORDER BY le.position LIMIT :limit")
        List<ChainLink> page(UUID lotId, int after, Instant from, Instant to, int limit);
    }
}
