package vn.ocop.payments.vnpay;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.ocop.payments.session.PaymentSession;
import vn.ocop.payments.vnpay.VnPayQueries.Outcome;

/**
 * Reconciles VNPay sessions whose IPN never came: {@code ocop.vnpay.reconcile.after} (default 5 minutes) after a VNPay
 * session opened without a verdict, asks VNPay ({@code querydr}) what became of the payment, again after a doubling
 * wait while the answer is "not yet" or none, until one of these ends it:
 * <ul>
 *   <li>paid: the payment is settled exactly as an authentic IPN saying so would settle it ({@link VnPaySettlement}, in
 *       the same transaction as this record): {@code PaymentSucceeded} once, also for a session we had cancelled or let
 *       expire (orders then has it refunded), nothing when an IPN got there first; a different amount is refused as
 *       the IPN would refuse it, and left for an admin ({@code AMOUNT_MISMATCH});</li>
 *   <li>unpaid (VNPay's status 02): nothing to recover; the session closes as every unpaid session does, when its
 *       checkout is cancelled at expiry;</li>
 *   <li>still not paid once the pay request has expired ({@code vnp_ExpireDate}) and {@code after} more: VNPay no longer
 *       takes a payment for it.</li>
 * </ul>
 * Sessions older than {@code horizon} are no longer asked about. As the refund worker does, every query is taken in a
 * short transaction ({@code FOR UPDATE SKIP LOCKED}, so instances take different sessions, and a lease), sent outside
 * any transaction, and recorded in another; {@code vnpay_queries} keeps what was learnt.
 */
@Singleton
@Requires(property = "ocop.vnpay.reconcile.enabled", notEquals = "false")
class VnPayReconciliation {

    private static final Logger LOG = LoggerFactory.getLogger(VnPayReconciliation.class);

    private final VnPayQueryLog log;
    private final VnPayQueries queries;
    private final VnPaySettlement settlement;
    private final TransactionOperations<Connection> tx;
    private final ReconcileConfiguration config;
    private final Clock clock;
    private volatile boolean running = true;

    VnPayReconciliation(VnPayQueryLog log, VnPayQueries queries, VnPaySettlement settlement,
                        TransactionOperations<Connection> tx, ReconcileConfiguration config, Clock clock) {
        this.log = log;
        this.queries = queries;
        this.settlement = settlement;
        this.tx = tx;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "${ocop.vnpay.reconcile.every:30s}", initialDelay = "${ocop.vnpay.reconcile.every:30s}")
    void run() {
        try {
            reconcileDue();
        } catch (RuntimeException e) {
            if (running) {
                LOG.warn("VNPay reconciliation failed; it tries again on its next run", e);
            }
        }
    }

    /** Asks about every session due now, one batch at a time; returns how many were asked about. */
    int reconcileDue() {
        int asked = 0;
        List<PaymentSession> taken;
        do {
            taken = tx.executeWrite(status -> take());
            for (PaymentSession session : taken) {
                if (!running) {
                    return asked;
                }
                Outcome outcome = queries.query(session);
                tx.executeWrite(status -> {
                    record(session, outcome);
                    return null;
                });
                asked++;
            }
        } while (running && taken.size() == config.batch());
        return asked;
    }

    @EventListener
    void onShutdown(ShutdownEvent event) {
        stop();
    }

    @PreDestroy
    void stop() {
        running = false;
    }

    private List<PaymentSession> take() {
        Instant now = clock.instant();
        List<PaymentSession> due = log.findDueForUpdate(now.minus(config.horizon()), now.minus(config.after()), now,
                config.batch());
        due.forEach(session -> log.take(session.id(), now.plus(config.lease())));
        return due;
    }

    private void record(PaymentSession session, Outcome outcome) {
        Instant now = clock.instant();
        String learnt = outcome.verdict().name();
        boolean done = switch (outcome.verdict()) {
            case PAID -> {
                IpnAnswer answer = settlement.settle(outcome.result());
                if (answer == IpnAnswer.INVALID_AMOUNT) {
                    learnt = "AMOUNT_MISMATCH";
                } else if (answer == IpnAnswer.CONFIRMED) {
                    LOG.info("VNPay reconciliation: {} of checkout {} was paid and no IPN had said so; settled",
                            session.txnRef(), session.checkoutNumber());
                }
                yield true;
            }
            case UNPAID -> true;
            case NOT_YET -> now.isAfter(session.expiresAt().plus(config.after()));
            case UNKNOWN -> false;
        };
        int attempts = log.attempts(session.id());
        log.record(session.id(), learnt, outcome.code(), now, done, now.plus(config.backoff(attempts)));
    }
}
