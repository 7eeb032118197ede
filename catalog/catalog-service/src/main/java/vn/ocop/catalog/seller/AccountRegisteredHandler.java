package vn.ocop.catalog.seller;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.ocop.identity.api.AccountRegistered;
import vn.ocop.identity.api.IdentityEvents;
import vn.ocop.platform.event.EventEnvelope;
import vn.ocop.platform.event.EventHandler;
import vn.ocop.platform.security.Roles;

/**
 * Accounts catalog needs to know of: a seller who registered in identity gets a seller profile here, pending an
 * officer's verification; a helper account becomes someone sellers can delegate to.
 */
@Singleton
class AccountRegisteredHandler implements EventHandler<AccountRegistered> {

    private static final Logger LOG = LoggerFactory.getLogger(AccountRegisteredHandler.class);

    private final SellerRepository sellers;
    private final SellerHistoryRepository history;
    private final HelperRepository helpers;
    private final Clock clock;

    AccountRegisteredHandler(SellerRepository sellers, SellerHistoryRepository history, HelperRepository helpers,
                             Clock clock) {
        this.sellers = sellers;
        this.history = history;
        this.helpers = helpers;
        this.clock = clock;
    }

    @Override
    public String stream() {
        return IdentityEvents.STREAM;
    }

    @Override
    public String type() {
        return AccountRegistered.TYPE;
    }

    @Override
    public Class<AccountRegistered> payloadType() {
        return AccountRegistered.class;
    }

    @Override
    public void handle(AccountRegistered account, EventEnvelope envelope) {
        if (account.roles().contains(Roles.HELPER) && !helpers.existsById(account.accountId())) {
            helpers.save(new Helper(account.accountId(), account.displayName(), account.phone(), account.email(),
                    Instant.now(clock)));
        }
        var application = account.seller();
        if (!account.roles().contains(Roles.SELLER) || application == null || sellers.existsById(account.accountId())) {
            return;
        }
        SellerType type;
        try {
            type = SellerType.valueOf(application.sellerType());
        } catch (IllegalArgumentException e) {
            LOG.warn("account {} applied as unknown seller type {}; not creating a seller", account.accountId(),
                    application.sellerType());
            return;
        }
        Instant now = Instant.now(clock);
        sellers.save(Seller.registered(account.accountId(), account.displayName(), type, application.legalName(),
                application.provinceCode(), application.communeCode(), account.phone(), account.email(), now));
        history.save(new SellerStatusChange(null, account.accountId(), null, SellerStatus.PENDING, "registered", null, now));
    }
}
