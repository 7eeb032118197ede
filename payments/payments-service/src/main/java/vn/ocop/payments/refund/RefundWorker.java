package vn.ocop.payments.refund;

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
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.ocop.payments.api.PaymentMethod;
import vn.ocop.payments.api.RefundCompleted;
import vn.ocop.payments.session.PaymentSession;
import vn.ocop.payments.session.PaymentSessions;
import vn.ocop.platform.outbox.Outbox;

/**
 * Sends due refunds to their provider, one at a time, in three steps so that no database transaction waits on the
 * network: (1) a short transaction claims the refund due longest ({@code FOR UPDATE SKIP LOCKED}, so several instances
 * take different refunds) and leases it; (2) the provider is called outside any transaction; (3) another short
 * transaction records the outcome: SUCCEEDED with {@link RefundCompleted} in the outbox, or the next attempt after a
 * capped exponential backoff, or FAILED once the provider refused for good or the attempts ran out. A worker that dies
 * during the call leaves the lease to run out, and the refund is claimed again with the same request id (see
 * {@link Refund#claim}). Only refunds of a method some {@link RefundGateway} serves are taken: refunds of VietQR bank
 * transfers, which no provider can give back, stay REQUESTED (owed, listed for the finance team with the payer's account
 * at {@code GET /api/v1/admin/payments/refunds/bank-transfers}) until an administrator records the bank transfer that
 * sent the money back, SUCCEEDED with {@link RefundCompleted}, or that it could not be sent, FAILED
 * (see {@link BankTransferRefunds}). Off with {@code ocop.payments.refunds.worker.enabled: false}.
 */
@Singleton
@Requires(property = "ocop.payments.refunds.worker.enabled", notEquals = "false")
class RefundWorker {

    private static final Logger LOG = LoggerFactory.getLogger(RefundWorker.class);
    /** Refunds sent per run at most, so that a long queue does not hold the scheduler's thread indefinitely. */
    private static final int PER_RUN = 100;

    private final Refunds refunds;
    private final PaymentSessions sessions;
    private final Map<PaymentMethod, RefundGateway> gateways = new EnumMap<>(PaymentMethod.class);
    private final Outbox outbox;
    private final TransactionOperations<Connection> tx;
    private final Clock clock;
    private final RefundConfiguration config;
    private volatile boolean running = true;

    RefundWorker(Refunds refunds, PaymentSessions sessions, List<RefundGateway> gateways, Outbox outbox,
                 TransactionOperations<Connection> tx, Clock clock, RefundConfiguration config) {
        this.refunds = refunds;
        this.sessions = sessions;
        gateways.forEach(gateway -> this.gateways.put(gateway.method(), gateway));
        this.outbox = outbox;
        this.tx = tx;
        this.clock = clock;
        this.config = config;
    }

    @Scheduled(fixedDelay = "${ocop.payments.refunds.worker.every:1s}", initialDelay = "${ocop.payments.refunds.worker.every:1s}")
    void run() {
        try {
            int sent = 0;
            while (running && sent < PER_RUN && sendNext()) {
                sent++;
            }
        } catch (RuntimeException e) {
            if (running) {
                LOG.warn("the refund worker failed; it tries again on its next run", e);
            }
        }
    }

    @EventListener
    void onShutdown(ShutdownEvent event) {
        stop();
    }

    @PreDestroy
    void stop() {
        running = false;
    }

    /** Claims, sends and records the refund due longest; false when none is due. */
    boolean sendNext() {
        Optional<Claim> claim = tx.executeWrite(status -> claim());
        if (claim.isEmpty()) {
            return false;
        }
        RefundAnswer answer = call(claim.get());
        tx.executeWrite(status -> {
            record(claim.get().attempt(), answer);
            return null;
        });
        return true;
    }

    private Optional<Claim> claim() {
        Instant now = clock.instant();
        if (gateways.isEmpty()) {
            return Optional.empty();
        }
        Optional<Refund> due = refunds.findDueForUpdate(now, gateways.keySet().stream().map(Enum::name).toList());
        if (due.isEmpty()) {
            return Optional.empty();
        }
        Refund refund = due.get().claim(now, config.lease()).orElseThrow();
        refunds.update(refund);
        PaymentSession session = sessions.findById(refund.sessionId()).orElseThrow();
        var attempt = new RefundAttempt(refund.id(), refund.attempts(), refund.requestId(), due.get().inDoubt(),
                refund.amountVnd(), refund.amountVnd() == session.amountVnd(), session.txnRef(), session.providerTransactionNo(),
                session.paidAt(), session.checkoutNumber());
        return Optional.of(new Claim(attempt, refund.method()));
    }

    private RefundAnswer call(Claim claim) {
        RefundGateway gateway = gateways.get(claim.method());
        if (gateway == null) {
            return new RefundAnswer(RefundAnswer.Kind.REFUSED, null, null, null,
                    "no refund gateway for " + claim.method() + " payments");
        }
        try {
            return gateway.refund(claim.attempt());
        } catch (RuntimeException e) {
            LOG.warn("refund {} attempt {}: the {} gateway failed", claim.attempt().refundId(), claim.attempt().attempt(),
                    claim.method(), e);
            return RefundAnswer.unknown("the refund call failed: " + e.getClass().getSimpleName());
        }
    }

    private void record(RefundAttempt attempt, RefundAnswer answer) {
        Refund refund = refunds.findByIdForUpdate(attempt.refundId()).orElseThrow();
        Instant now = clock.instant();
        switch (answer.kind()) {
            case REFUNDED -> refund.succeed(answer, now).ifPresent(done -> {
                refunds.update(done.refund());
                outbox.publish(RefundCompleted.TYPE, RefundCompleted.VERSION, done.refund().id().toString(), done.event());
                LOG.info("refund {} of {} VND for checkout {} succeeded at attempt {} (provider reference {})",
                        refund.id(), refund.amountVnd(), attempt.checkoutNumber(), attempt.attempt(), answer.transactionNo());
            });
            case RETRYABLE, UNKNOWN -> {
                if (attempt.attempt() >= config.maxAttempts()) {
                    String why = "gave up after " + attempt.attempt() + " attempts; last: " + answer.detail()
                            + (answer.kind() == RefundAnswer.Kind.UNKNOWN
                            ? " (request " + attempt.requestId() + " may have been carried out: check with the provider)" : "");
                    fail(refund, attempt, answer, why, now);
                } else {
                    Instant retryAt = now.plus(config.backoff(attempt.attempt(), ThreadLocalRandom.current().nextDouble()));
                    refund.retry(attempt.attempt(), answer, retryAt, now).ifPresent(next -> {
                        refunds.update(next);
                        LOG.warn("refund {} attempt {} did not refund ({}); next attempt at {}", refund.id(), attempt.attempt(),
                                answer.detail(), retryAt);
                    });
                }
            }
            case IN_DOUBT, REFUSED -> fail(refund, attempt, answer, answer.detail(), now);
        }
    }

    private void fail(Refund refund, RefundAttempt attempt, RefundAnswer answer, String why, Instant now) {
        refund.fail(attempt.attempt(), answer, why, now).ifPresent(failed -> {
            refunds.update(failed);
            LOG.error("refund {} of {} VND for checkout {} FAILED at attempt {}: {}", refund.id(), refund.amountVnd(),
                    attempt.checkoutNumber(), attempt.attempt(), why);
        });
    }

    /** A claimed call and the provider to make it to. */
    private record Claim(RefundAttempt attempt, PaymentMethod method) {
    }
}
