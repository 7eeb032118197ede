package vn.ocop.traceability.resolver;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import vn.ocop.traceability.lot.Lot;

/**
 * What the resolver reads beside the lot, its product and its growing area: the lot's EPCIS events (their indexed
 * columns; the JSON only of commissioning and transformation events, whose details the timeline shows), the head of
 * its chain, the lots it was made from, and which lot a serial belongs to. Read-only.
 */
@JdbcRepository(dialect = Dialect.MYSQL)
interface ResolverReads extends GenericRepository<Lot, UUID> {

    /** An event on one of the lots' chains. */
    @Introspected
    record EventRow(UUID lotId, int position, String eventType, @Nullable String action, @Nullable String bizStep,
                    @Nullable String disposition, Instant eventTime, @Nullable String body) {
    }

    /** A lot that went into another one through a transformation. */
    @Introspected
    record InputRow(UUID outputLotId, UUID inputLotId, String process) {
    }

    /** A chain's head: its length and last hash. */
    @Introspected
    record ChainState(int length, String headHash) {
    }

    @Query("SELECT le.lot_id, le.position, e.event_type, e.action, e.biz_step, e.disposition, e.event_time,"
            + " CASE WHEN e.event_type = 'TransformationEvent' OR e.biz_step = 'commissioning' THEN e.body END AS body"
            + " FROM epcis_lot_events le JOIN epcis_events e ON e.id = le.event_row"
            + " WHERE le.lot_id IN (:lotIds) ORDER BY e.event_time, le.lot_id, le.position")
    List<EventRow> events(Collection<UUID> lotIds);

    @Query("SELECT o.lot_id AS output_lot_id, i.lot_id AS input_lot_id, t.process FROM transformation_outputs o"
            + " JOIN transformations t ON t.id = o.transformation_id"
            + " JOIN transformation_inputs i ON i.transformation_id = o.transformation_id"
            + " WHERE o.lot_id IN (:lotIds) ORDER BY i.lot_id")
    List<InputRow> inputs(Collection<UUID> lotIds);

    @Query("SELECT * FROM lots WHERE id IN (:ids) ORDER BY code")
    List<Lot> lots(Collection<UUID> ids);

    @Query("SELECT length, head_hash FROM epcis_lot_chains WHERE lot_id = :lotId")
    Optional<ChainState> chain(UUID lotId);

    @Query("SELECT lot_id FROM lot_serials WHERE serial = :serial")
    Optional<String> lotOfSerial(String serial);
}
