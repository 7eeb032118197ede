package vn.ocop.payments.vnpay;

import io.micronaut.http.HttpParameters;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.ocop.payments.notification.InFlight;
import vn.ocop.payments.notification.ProviderNotification;
import vn.ocop.payments.notification.ProviderNotifications;
import vn.ocop.platform.event.Ids;

/**
 * Receives VNPay's IPNs: refuses any whose signature or terminal code is not ours (97), settles the rest, turns
 * anything unexpected into 99 (VNPay then retries), and keeps an audit row of every notification and its answer. An
 * authentic IPN's audit row is written in its settlement's transaction (one commit per IPN, and no settlement without
 * its row); a refused or failed one's on its own.
 *
 * <p>Copies of one authentic IPN that arrive while it is being handled (VNPay's retries, a replay) wait for its answer
 * instead of each locking the session in turn: they get the answer they would have had after it (02 once it settled,
 * else its own answer), and their own audit row. A copy of one that failed (99) is handled again in full.
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
    private final TransactionOperations<Connection> tx;
    private final Clock clock;
    private final InFlight<String, IpnAnswer> inFlight = new InFlight<>();

    VnPayNotifications(VnPaySigner signer, VnPayConfiguration config, VnPaySettlement settlement, ProviderNotifications audit,
                       TransactionOperations<Connection> tx, Clock clock) {
        this.signer = signer;
        this.config = config;
        this.settlement = settlement;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    IpnAnswer receive(HttpParameters parameters, String rawQuery) {
        Optional<Map<String, String>> params = VnPayParameters.of(parameters);
        String txnRef = parameters.get("vnp_TxnRef");
        if (params.filter(this::authentic).isEmpty()) {
            LOG.warn("refused a VNPay IPN for {}: bad signature or terminal code", loggable(txnRef));
            return recorded(txnRef, rawQuery, false, IpnAnswer.INVALID_SIGNATURE);
        }
        InFlight.Outcome<IpnAnswer> first = inFlight.run(rawQuery, () -> settle(txnRef, rawQuery, params.get()));
        if (!first.shared()) {
            return first.value();
        }
        if (first.value().equals(IpnAnswer.UNKNOWN_ERROR)) {
            return settle(txnRef, rawQuery, params.get());
        }
        return recorded(txnRef, rawQuery, true, answerToCopy(first.value()));
    }

    /** A copy's answer, once the first IPN was handled: 02 if that one settled the session, otherwise the same. */
    private static IpnAnswer answerToCopy(IpnAnswer first) {
        return first.equals(IpnAnswer.CONFIRMED) ? IpnAnswer.ALREADY_CONFIRMED : first;
    }

    /** Settles an authentic IPN, with its audit row in the same transaction; anything unexpected is answered 99. */
    private IpnAnswer settle(String txnRef, String rawQuery, Map<String, String> params) {
        try {
            return tx.executeWrite(status -> {
                IpnAnswer answer = settlement.settle(VnPayResult.of(params));
                audit.save(row(txnRef, rawQuery, true, answer));
                return answer;
            });
        } catch (RuntimeException e) {
            LOG.error("VNPay IPN for {} failed; answering 99 so that VNPay retries", loggable(txnRef), e);
            return recorded(txnRef, rawQuery, true, IpnAnswer.UNKNOWN_ERROR);
        }
    }

    private boolean authentic(Map<String, String> params) {
        return signer.verify(params) && config.tmnCode().equals(params.get("vnp_TmnCode"));
    }

    /** Keeps the audit row of a notification that settled nothing, in a transaction of its own; returns its answer. */
    private IpnAnswer recorded(String txnRef, String rawQuery, boolean authentic, IpnAnswer answer) {
        try {
            audit.save(row(txnRef, rawQuery, authentic, answer));
        } catch (RuntimeException e) {
            LOG.error("cannot keep the audit row of a VNPay IPN for {} (answered {})", loggable(txnRef), answer.rspCode(), e);
        }
        return answer;
    }

    private ProviderNotification row(String txnRef, String rawQuery, boolean authentic, IpnAnswer answer) {
        String ref = txnRef == null || txnRef.length() <= MAX_TXN_REF ? txnRef : txnRef.substring(0, MAX_TXN_REF);
        return new ProviderNotification(Ids.newId(), PROVIDER, ref, rawQuery == null ? "" : rawQuery, authentic,
                answer.rspCode(), clock.instant());
    }

    /** A reference fit for a log line: ours are short ASCII alphanumerics, anything else is someone else's input. */
    private static String loggable(String txnRef) {
        return txnRef != null && txnRef.matches("[A-Za-z0-9]{1," + MAX_TXN_REF + "}") ? txnRef : "(unreadable reference)";
    }
}
