package vn.ocop.traceability.recall;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The lots' recalls, for the resolver's page and the recall API. */
@Singleton
public class LotRecalls {

    private final Recalls recalls;

    LotRecalls(Recalls recalls) {
        this.recalls = recalls;
    }

    /**
     * A lot's recall.
     *
     * @param lotId          the lot
     * @param lotCode        its code
     * @param reason         why it was recalled
     * @param causeLotId     for a lot recalled because a lot it was made from was: that lot
     * @param causeLotCode   its code
     * @param previousStatus the lot's status before (ACTIVE or DEPLETED)
     * @param recalledBy     the account that recalled it (or its origin)
     * @param recalledAs     as what: SELLER, OFFICER or ADMIN
     * @param eventId        the EPCIS event that records it on the lot's chain
     * @param recalledAt     when
     */
    @MappedEntity("lot_recalls")
    public record Recall(@Id UUID lotId, String lotCode, String reason, @Nullable UUID causeLotId,
                         @Nullable String causeLotCode, String previousStatus, UUID recalledBy, String recalledAs,
                         String eventId, Instant recalledAt) {
    }

    /** The lot's recall, if it was recalled. */
    public Optional<Recall> of(UUID lotId) {
        return recalls.findById(lotId);
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface Recalls extends CrudRepository<Recall, UUID> {

        /** The lots recalled because this one was, in code order. */
        List<Recall> findByCauseLotIdOrderByLotCode(UUID causeLotId);

        /** The codes of the lots made from these lots by a transformation (one level downstream). */
        @Query("SELECT DISTINCT l.code FROM transformation_inputs i JOIN transformation_outputs o"
                + " ON o.transformation_id = i.transformation_id JOIN lots l ON l.id = o.lot_id WHERE i.lot_id IN (:lotIds)")
        List<String> madeFrom(Collection<UUID> lotIds);
    }
}
