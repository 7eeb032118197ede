package vn.ocop.catalog.locality;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.util.StringUtils;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.ocop.catalog.ReferenceData;
import vn.ocop.catalog.api.AdminUnitsPublished;
import vn.ocop.platform.outbox.Outbox;

/**
 * Loads the shipped administrative units into the database at start-up when the tables do not hold this version of
 * the lists yet, and publishes the current provinces and communes ({@link AdminUnitsPublished}) in the same transaction
 * for the services that check addresses. The {@code reference_data} row is locked meanwhile, so of several instances
 * starting together one loads and the others find the work done. Runs where this instance migrates the schema (the
 * lists belong with it).
 */
@Singleton
@Requires(property = "flyway.datasources.default.enabled", notEquals = StringUtils.FALSE)
class AdminUnitsLoader {

    private static final Logger LOG = LoggerFactory.getLogger(AdminUnitsLoader.class);
    static final String NAME = "admin-units";
    /**
     * Goes into the {@linkplain #fingerprint fingerprint} recorded for a load: change it when what is published changes
     * (a new version of the event), and the next start loads and publishes the same lists again.
     */
    static final String PUBLICATION = AdminUnitsPublished.TYPE + ".v" + AdminUnitsPublished.VERSION;

    private final AdminUnits units;
    private final ReferenceData referenceData;
    private final AdminUnitTables.Provinces provinces;
    private final AdminUnitTables.Communes communes;
    private final AdminUnitTables.LegacyDistricts legacyDistricts;
    private final AdminUnitTables.LegacyCommunes legacyCommunes;
    private final AdminUnitTables.Predecessors predecessors;
    private final Outbox outbox;
    private final Clock clock;

    AdminUnitsLoader(AdminUnits units, ReferenceData referenceData, AdminUnitTables.Provinces provinces,
                     AdminUnitTables.Communes communes, AdminUnitTables.LegacyDistricts legacyDistricts,
                     AdminUnitTables.LegacyCommunes legacyCommunes, AdminUnitTables.Predecessors predecessors, Outbox outbox,
                     Clock clock) {
        this.units = units;
        this.referenceData = referenceData;
        this.provinces = provinces;
        this.communes = communes;
        this.legacyDistricts = legacyDistricts;
        this.legacyCommunes = legacyCommunes;
        this.predecessors = predecessors;
        this.outbox = outbox;
        this.clock = clock;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        load();
    }

    /**
     * Replaces the tables' contents with the shipped lists and publishes them, unless that was done already; true if it
     * loaded.
     */
    @Transactional
    boolean load() {
        AdminUnitLists lists = units.lists();
        String fingerprint = fingerprint(lists.checksum());
        String loaded = referenceData.lockChecksum(NAME)
                .orElseThrow(() -> new IllegalStateException("reference_data has no row for " + NAME));
        if (Objects.equals(loaded, fingerprint)) {
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
        outbox.publish(AdminUnitsPublished.TYPE, AdminUnitsPublished.VERSION, NAME, published(lists));
        referenceData.loaded(NAME, fingerprint, lists.rowCount(), clock.instant());
        LOG.info("loaded and published the administrative units ({} provinces, {} communes, {} former districts, "
                        + "{} former communes) in {} ms", lists.provinces().size(), lists.communes().size(),
                lists.legacyDistricts().size(), lists.legacyCommunes().size(), (System.nanoTime() - started) / 1_000_000);
        return true;
    }

    /**
     * What {@code reference_data} records once the lists are loaded and published: a SHA-256 over the lists' own SHA-256
     * and the {@link #PUBLICATION} (64 hex digits, as the column holds). Databases loaded before the event existed
     * recorded the lists' bare SHA-256, which differs, so their first start with this version loads the same lists
     * once more (under a second here) and publishes them, once: services that check addresses get the lists too.
     */
    static String fingerprint(String listsChecksum) {
        try {
            byte[] input = (listsChecksum + " " + PUBLICATION).getBytes(StandardCharsets.US_ASCII);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(input));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The current units from the lists parsed at start-up (no second read of the files). */
    private AdminUnitsPublished published(AdminUnitLists lists) {
        return new AdminUnitsPublished(lists.checksum(),
                lists.provinces().stream().map(p -> new AdminUnitsPublished.Province(p.code(), p.name())).toList(),
                lists.communes().stream().map(c -> new AdminUnitsPublished.Commune(c.code(), c.name(), c.provinceCode())).toList(),
                clock.instant());
    }
}
