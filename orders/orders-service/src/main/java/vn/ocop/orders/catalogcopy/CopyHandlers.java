package vn.ocop.orders.catalogcopy;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.ocop.catalog.api.AdminUnitsPublished;
import vn.ocop.catalog.api.CatalogEvents;
import vn.ocop.catalog.api.DelegationChanged;
import vn.ocop.platform.event.EventHandler;

/**
 * Keeps orders' copies of catalog's delegations and administrative units. Both events carry whole snapshots; an
 * older delegation revision, or an edition of the lists already held, changes nothing.
 */
@Factory
class CopyHandlers {

    private static final Logger LOG = LoggerFactory.getLogger(CopyHandlers.class);

    @Singleton
    EventHandler<DelegationChanged> onDelegationChanged(DelegationRepository delegations) {
        return EventHandler.of(CatalogEvents.STREAM, DelegationChanged.TYPE, DelegationChanged.class, (event, envelope) -> {
            var key = new Delegation.Key(event.sellerId(), event.helperId());
            Optional<Delegation> held = delegations.findById(key);
            if (held.isPresent() && held.get().revision() >= event.revision()) {
                return;
            }
            var copy = new Delegation(key, !event.revoked() && event.scopes().contains(DelegationChanged.ORDERS),
                    event.revoked() ? null : event.validUntil(), event.revision());
            if (held.isPresent()) {
                delegations.update(copy);
            } else {
                delegations.save(copy);
            }
        });
    }

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
