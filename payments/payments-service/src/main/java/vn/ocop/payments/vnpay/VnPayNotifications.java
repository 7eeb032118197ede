package vn.ocop.payments.vnpay;

import io.micronaut.http.HttpParameters;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.ocop.payments.notification.ProviderNotification;
import vn.ocop.payments.notification.ProviderNotifications;
import vn.ocop.platform.event.Ids;

/**
 * Receives VNPay's IPNs: refuses any whose signature or terminal code is not ours (97), settles the rest, turns
 * anything unexpected into 99 (VNPay then retries), and keeps an audit row of every notification and its answer.
 */
@Singleton
class VnPayNotifications {

    static final String PROVIDER = "VNPAY";
    private static final Logger LOG = LoggerFactory.getLogger(VnPayNotifications.class);
    private static final int MAX_TXN_REF = 100;

    private final VnPaySigner signer;
    private final VnPayConfiguration config;
    private final VnPaySettlement settlement;
    private final ProviderNotifications audit;
    private final Clock clock;

    VnPayNotifications(VnPaySigner signer, VnPayConfiguration config, VnPaySettlement settlement, ProviderNotifications audit,
                       Clock clock) {
        this.signer = signer;
        this.config = config;
        this.settlement = settlement;
        this.audit = audit;
        this.clock = clock;
    }

    IpnAnswer receive(HttpParameters parameters, String rawQuery) {
        Optional<Map<String, String>> params = VnPayParameters.of(parameters);
        String txnRef = parameters.get("vnp_TxnRef");
        boolean authentic = params.filter(this::authentic).isPresent();
        IpnAnswer answer;
        try {
            answer = authentic ? settlement.settle(VnPayResult.of(params.get())) : IpnAnswer.INVALID_SIGNATURE;
        } catch (RuntimeException e) {
            LOG.error("VNPay IPN for {} failed; answering 99 so that VNPay retries", loggable(txnRef), e);
            answer = IpnAnswer.UNKNOWN_ERROR;
        }
        if (!authentic) {
            LOG.warn("refused a VNPay IPN for {}: bad signature or terminal code", loggable(txnRef));
        }
        record(txnRef, rawQuery, authentic, answer);
        return answer;
    }

    private boolean authentic(Map<String, String> params) {
        return signer.verify(params) && config.tmnCode().equals(params.get("vnp_TmnCode"));
    }

    private void record(String txnRef, String rawQuery, boolean authentic, IpnAnswer answer) {
        try {
            String ref = txnRef == null || txnRef.length() <= MAX_TXN_REF ? txnRef : txnRef.substring(0, MAX_TXN_REF);
            audit.save(new ProviderNotification(Ids.newId(), PROVIDER, ref, rawQuery == null ? "" : rawQuery, authentic,
                    answer.rspCode(), clock.instant()));
        } catch (RuntimeException e) {
            LOG.error("cannot keep the audit row of a VNPay IPN for {} (answered {})", loggable(txnRef), answer.rspCode(), e);
        }
    }

    /** A reference fit for a log line: ours are short ASCII alphanumerics, anything else is someone else's input. */
    private static String loggable(String txnRef) {
        return txnRef != null && txnRef.matches("[A-Za-z0-9]{1," + MAX_TXN_REF + "}") ? txnRef : "(unreadable reference)";
    }
}
