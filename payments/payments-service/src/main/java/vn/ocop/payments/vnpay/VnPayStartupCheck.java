package vn.ocop.payments.vnpay;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Warns loudly when the service runs with application.yml's development VNPay secret, which anyone can read. */
@Singleton
class VnPayStartupCheck implements ApplicationEventListener<StartupEvent> {

    static final String DEVELOPMENT_MARKER = "DEVELOPMENT-ONLY";
    private static final Logger LOG = LoggerFactory.getLogger(VnPayStartupCheck.class);

    private final VnPayConfiguration config;

    VnPayStartupCheck(VnPayConfiguration config) {
        this.config = config;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        if (config.hashSecret().startsWith(DEVELOPMENT_MARKER)) {
            LOG.warn("VNPay runs with the development hash secret from application.yml: anyone can forge payment "
                    + "notifications. Set OCOP_VNPAY_TMN_CODE and OCOP_VNPAY_HASH_SECRET for any real deployment.");
        }
    }
}
