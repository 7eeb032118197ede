package vn.ocop.traceability.area;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The growing areas and what belongs to them. */
final class AreaRepositories {

    private AreaRepositories() {
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface Areas extends CrudRepository<GrowingArea, UUID> {

        boolean existsByCode(String code);

        boolean existsByCodeAndIdNotEqual(String code, UUID id);

        /** The area, locked until the end of the transaction (decisions on it apply one after the other). */
        Optional<GrowingArea> findByIdForUpdate(UUID id);

        /** A seller's areas, newest first, after the cursor when one is given. */
        @Query("SELECT * FROM growing_areas WHERE seller_id = :sellerId"
                + " AND (:afterCreated IS NULL OR created_at < :afterCreated OR (created_at = :afterCreated AND id < :afterId))"
                + " ORDER BY created_at DESC, id DESC LIMIT :limit")
        List<GrowingArea> pageOfSeller(UUID sellerId, @Nullable Instant afterCreated, @Nullable UUID afterId, int limit);
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface Households extends CrudRepository<Household, Household.Key> {

        @Query("SELECT * FROM growing_area_households WHERE area_id = :areaId ORDER BY position")
        List<Household> ofArea(UUID areaId);

        @Query("DELETE FROM growing_area_households WHERE area_id = :areaId")
        void deleteOfArea(UUID areaId);
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface Certificates extends CrudRepository<AreaCertificate, UUID> {

        List<AreaCertificate> findByAreaIdOrderByValidUntilDesc(UUID areaId);

        boolean existsByAreaIdAndSchemeAndNumber(UUID areaId, CertificateScheme scheme, String number);
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface DiaryEntries extends CrudRepository<DiaryEntry, UUID> {

        /** An area's diary in date order, between two dates, after the cursor when one is given. */
        @Query("SELECT * FROM farming_diary_entries WHERE area_id = :areaId"
                + " AND (:from IS NULL OR entry_date >= :from) AND (:to IS NULL OR entry_date <= :to)"
                + " AND (:afterDate IS NULL OR entry_date > :afterDate OR (entry_date = :afterDate AND id > :afterId))"
                + " ORDER BY entry_date, id LIMIT :limit")
        List<DiaryEntry> page(UUID areaId, @Nullable LocalDate from, @Nullable LocalDate to, @Nullable LocalDate afterDate,
                              @Nullable UUID afterId, int limit);
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface DiaryInputs extends CrudRepository<DiaryInput, DiaryInput.Key> {

        @Query("SELECT * FROM farming_diary_inputs WHERE entry_id IN (:entryIds) ORDER BY entry_id, position")
        List<DiaryInput> ofEntries(Collection<UUID> entryIds);
    }
}
