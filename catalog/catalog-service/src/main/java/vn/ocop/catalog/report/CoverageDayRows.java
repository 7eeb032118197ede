package vn.ocop.catalog.report;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.LocalDate;
import java.util.UUID;

/** The daily coverage rows ({@code report_coverage_days}). */
@JdbcRepository(dialect = Dialect.MYSQL)
interface CoverageDayRows extends GenericRepository<ReportOrder, UUID> {

    @Query("DELETE FROM report_coverage_days WHERE day = :day")
    int deleteDay(LocalDate day);

    /** Writes a cell; another instance taking the same snapshot at the same time writes the same numbers. */
    @Query("INSERT INTO report_coverage_days (day, province_code, commune_code, legacy_district_code, stars, ocop_group, "
            + "certified, online) VALUES (:day, :province, :commune, :legacyDistrict, :stars, :group, :certified, :online) "
            + "ON DUPLICATE KEY UPDATE certified = VALUES(certified), online = VALUES(online)")
    int insert(LocalDate day, String province, String commune, String legacyDistrict, int stars, String group,
               int certified, int online);
}
