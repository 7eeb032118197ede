package vn.ocop.catalog.locality;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.util.StringUtils;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.ocop.catalog.ReferenceData;

/**
 * Loads the shipped administrative units into the database at start-up when the tables do not hold this version of
 * the lists yet. The {@code reference_data} row is locked meanwhile, so of several instances starting together one
 * loads and the others find the work done. Runs where this instance migrates the schema (the lists belong with it).
 */
@Singleton
@Requires(property = "flyway.datasources.default.enabled", notEquals = StringUtils.FALSE)
class AdminUnitsLoader {

    private static final Logger LOG = LoggerFactory.getLogger(AdminUnitsLoader.class);
    static final String NAME = "admin-units";

    private final AdminUnits units;
    private final ReferenceData referenceData;
    private final AdminUnitTables.Provinces provinces;
    private final AdminUnitTables.Communes communes;
    private final AdminUnitTables.LegacyDistricts legacyDistricts;
    private final AdminUnitTables.LegacyCommunes legacyCommunes;
    private final AdminUnitTables.Predecessors predecessors;
    private final Clock clock;

    AdminUnitsLoader(AdminUnits units, ReferenceData referenceData, AdminUnitTables.Provinces provinces,
                     AdminUnitTables.Communes communes, AdminUnitTables.LegacyDistricts legacyDistricts,
                     AdminUnitTables.LegacyCommunes legacyCommunes, AdminUnitTables.Predecessors predecessors, Clock clock) {
        this.units = units;
        this.referenceData = referenceData;
        this.provinces = provinces;
        this.communes = communes;
        this.legacyDistricts = legacyDistricts;
        this.legacyCommunes = legacyCommunes;
        this.predecessors = predecessors;
        this.clock = clock;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        load();
    }

    /** Replaces the tables' contents with the shipped lists unless they hold them already; true if it loaded. */
    @Transactional
    boolean load() {
        AdminUnitLists lists = units.lists();
        String loaded = referenceData.lockChecksum(NAME)
                .orElseThrow(() -> new IllegalStateException("reference_data has no row for " + NAME));
        if (Objects.equals(loaded, lists.checksum())) {
            return false;
        }
        long started = System.nanoTime();
        predecessors.deleteAll();
        legacyCommunes.deleteAll();
        legacyDistricts.deleteAll();
        communes.deleteAll();
        provinces.deleteAll();
        provinces.saveAll(lists.provinces());
        communes.saveAll(lists.communes());
        legacyDistricts.saveAll(lists.legacyDistricts());
        legacyCommunes.saveAll(lists.legacyCommunes());
        predecessors.saveAll(lists.predecessors());
        referenceData.loaded(NAME, lists.checksum(), lists.rowCount(), clock.instant());
        LOG.info("loaded the administrative units ({} provinces, {} communes, {} former districts, {} former communes) in {} ms",
                lists.provinces().size(), lists.communes().size(), lists.legacyDistricts().size(),
                lists.legacyCommunes().size(), (System.nanoTime() - started) / 1_000_000);
        return true;
    }
}
