package vn.ocop.payments.refund;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.ocop.orders.api.RefundRequested;
import vn.ocop.payments.session.PaymentSession;
import vn.ocop.payments.session.PaymentSessions;

/**
 * Records a refund orders asked for, inside the caller's transaction, and calls no provider: the worker does that later.
 * A refund id already recorded changes nothing. The checkout's captured session is locked while the refunds of it are
 * added up, so concurrent requests for one payment are checked one after the other and never refund more than it took.
 * A request that cannot be honoured (nothing captured, amount not positive or above what is left) is kept as FAILED with
 * its reason.
 */
@Singleton
class RefundRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(RefundRecorder.class);

    private final Refunds refunds;
    private final PaymentSessions sessions;
    private final Clock clock;

    RefundRecorder(Refunds refunds, PaymentSessions sessions, Clock clock) {
        this.refunds = refunds;
        this.sessions = sessions;
        this.clock = clock;
    }

    void record(RefundRequested request) {
        if (refunds.existsById(request.refundId())) {
            LOG.info("refund {} of checkout {} is already recorded; nothing to do", request.refundId(), request.checkoutId());
            return;
        }
        Instant now = clock.instant();
        Optional<PaymentSession> captured = sessions.findByCapturedCheckoutIdForUpdate(request.checkoutId());
        String refusal = refusal(request, captured);
        if (refusal != null) {
            refunds.save(Refund.refused(request, captured.orElse(null), refusal, now));
            LOG.error("refused refund {} of {} VND for checkout {} (order {}): {}", request.refundId(), request.amountVnd(),
                    request.checkoutId(), request.orderId(), refusal);
            return;
        }
        PaymentSession session = captured.get();
        if (session.method() != request.paymentMethod()) {
            LOG.warn("refund {} names {}, but checkout {} was paid by {}; refunding through {}", request.refundId(),
                    request.paymentMethod(), session.checkoutNumber(), session.method(), session.method());
        }
        refunds.save(Refund.requested(request, session, now));
        LOG.info("refund {} of {} VND for checkout {} (order {}) recorded against payment {}", request.refundId(),
                request.amountVnd(), session.checkoutNumber(), request.orderId(), session.txnRef());
    }

    /** Why the request cannot be honoured, or null. */
    private String refusal(RefundRequested request, Optional<PaymentSession> captured) {
        if (request.amountVnd() <= 0) {
            return "refund amount " + request.amountVnd() + " VND is not positive";
        }
        if (captured.isEmpty()) {
            return "checkout " + request.checkoutId() + " has no captured payment to refund";
        }
        PaymentSession session = captured.get();
        long committed = refunds.committedVnd(session.id());
        if (committed + request.amountVnd() > session.receivedVnd()) {
            return "refund of " + request.amountVnd() + " VND exceeds what is left of payment " + session.txnRef() + ": "
                    + session.receivedVnd() + " VND received, " + committed + " VND already refunded or being refunded";
        }
        return null;
    }
}
