package vn.ocop.catalog.report;

import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.List;

/**
 * Keeps the daily history of OCOP coverage: every hour (and soon after start) today's coverage, by province, commune,
 * legacy district, stars and group, replaces today's rows; past days stay as they were last taken. History cannot be
 * rebuilt from events (it is the state of catalog's own tables on each day), so it starts when the service first runs.
 */
@Singleton
public class CoverageSnapshots {

    private final ReportQueries queries;
    private final CoverageDayRows rows;

    CoverageSnapshots(ReportQueries queries, CoverageDayRows rows) {
        this.queries = queries;
        this.rows = rows;
    }

    @Scheduled(fixedDelay = "${ocop.catalog.reports.coverage-snapshot-every:1h}", initialDelay = "30s")
    void hourly() {
        take();
    }

    /** Takes today's snapshot now; returns the number of cells written. */
    @Transactional
    public int take() {
        LocalDate today = queries.today();
        List<Object[]> cells = queries.coverageCells(today);
        rows.deleteDay(today);
        for (Object[] cell : cells) {
            rows.insert(today, (String) cell[0], (String) cell[1], (String) cell[2], (Integer) cell[3], (String) cell[4],
                    ((Long) cell[5]).intValue(), ((Long) cell[6]).intValue());
        }
        return cells.size();
    }
}
