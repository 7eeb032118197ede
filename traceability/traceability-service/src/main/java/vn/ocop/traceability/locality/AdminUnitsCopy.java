package vn.ocop.traceability.locality;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.ocop.catalog.api.AdminUnitsPublished;
import vn.ocop.catalog.api.CatalogEvents;
import vn.ocop.platform.event.EventHandler;

/**
 * Keeps the commune copy current from catalog's {@link AdminUnitsPublished}, which carries the whole official list:
 * an edition already held changes nothing, a new one replaces the copy (in the handler's transaction, so readers see
 * the old list or the new one, never a half).
 */
@Factory
class AdminUnitsCopy {

    private static final Logger LOG = LoggerFactory.getLogger(AdminUnitsCopy.class);

    @Singleton
    EventHandler<AdminUnitsPublished> onAdminUnitsPublished(CommuneRepository communes) {
        return EventHandler.of(CatalogEvents.STREAM, AdminUnitsPublished.TYPE, AdminUnitsPublished.class, (event, envelope) -> {
            if (communes.edition().filter(event.sha256()::equals).isPresent()) {
                return;
            }
            communes.deleteAll();
            communes.saveAll(event.communes().stream()
                    .map(c -> new Commune(c.code(), c.provinceCode(), c.name())).toList());
            communes.recordEdition(event.sha256());
            LOG.info("administrative units {} loaded: {} communes", event.sha256(), event.communes().size());
        });
    }
}
