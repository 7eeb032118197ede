package vn.ocop.payments.vietqr;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warns loudly when the service runs with application.yml's development VietQR settings: a collection account no bank
 * has (buyers could not pay) or a notification secret anyone can read (anyone could report a payment).
 */
@Singleton
class VietQrStartupCheck implements ApplicationEventListener<StartupEvent> {

    static final String DEVELOPMENT_MARKER = "DEVELOPMENT-ONLY";
    private static final Logger LOG = LoggerFactory.getLogger(VietQrStartupCheck.class);

    private final VietQrConfiguration config;
    private final List<NotificationSource> sources;

    VietQrStartupCheck(VietQrConfiguration config, List<NotificationSource> sources) {
        this.config = config;
        this.sources = sources;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        if (config.accountNumber().startsWith("DEVONLY")) {
            LOG.warn("VietQR runs with the development collection account from application.yml: no bank has it. Set "
                    + "OCOP_VIETQR_BANK_BIN, OCOP_VIETQR_ACCOUNT_NUMBER and OCOP_VIETQR_ACCOUNT_NAME for any real deployment.");
        }
        sources.stream().filter(s -> s.secret().startsWith(DEVELOPMENT_MARKER)).forEach(s -> LOG.warn(
                "VietQR notification source {} has the development secret from application.yml: anyone can forge transfers. "
                        + "Set its secret from the environment for any real deployment.", s.name()));
        if (sources.isEmpty()) {
            LOG.warn("no VietQR notification source is configured (ocop.vietqr.sources): no transfer can be confirmed");
        }
    }
}
