package vn.ocop.identity.account;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.ocop.platform.problem.ProblemException;

/**
 * Creates the configured first administrator at start-up when there is no administrator yet. Instances starting
 * together may all try; the unique phone and e-mail let exactly one succeed, and the others find it done.
 */
@Singleton
class BootstrapAdmin implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(BootstrapAdmin.class);

    private final BootstrapAdminConfiguration config;
    private final Accounts accounts;

    BootstrapAdmin(BootstrapAdminConfiguration config, Accounts accounts) {
        this.config = config;
        this.accounts = accounts;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        createIfMissing();
    }

    /** Whether this call created the administrator. */
    boolean createIfMissing() {
        if (!config.configured() || accounts.adminExists()) {
            return false;
        }
        try {
            var admin = accounts.create(config.toNewAccount());
            LOG.info("created the bootstrap administrator {}", admin.id());
            return true;
        } catch (ProblemException e) {
            if (e.status() == HttpStatus.CONFLICT && accounts.adminExists()) {
                LOG.info("the bootstrap administrator was created by another instance");
                return false;
            }
            if (e.status() == HttpStatus.CONFLICT) {
                LOG.error("cannot create the bootstrap administrator: its phone or e-mail belongs to another account");
                return false;
            }
            throw new IllegalStateException("invalid ocop.identity.bootstrap-admin settings: " + e.errors(), e);
        }
    }
}
