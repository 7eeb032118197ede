package vn.ocop.payments.vnpay;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.ocop.payments.api.PaymentMethod;
import vn.ocop.payments.session.PaymentSession;
import vn.ocop.payments.session.PaymentSessions;
import vn.ocop.payments.session.Transition;
import vn.ocop.platform.outbox.Outbox;

/**
 * Applies an authentic IPN to its session in one transaction, with the session row locked, so duplicate IPNs
 * arriving together serialise and only the first one changes anything.
 */
@Singleton
class VnPaySettlement {

    private static final Logger LOG = LoggerFactory.getLogger(VnPaySettlement.class);

    private final PaymentSessions sessions;
    private final Outbox outbox;
    private final ResponseCodes responseCodes;
    private final Clock clock;

    VnPaySettlement(PaymentSessions sessions, Outbox outbox, ResponseCodes responseCodes, Clock clock) {
        this.sessions = sessions;
        this.outbox = outbox;
        this.responseCodes = responseCodes;
        this.clock = clock;
    }

    /**
     * Checks, in VNPay's order, that the order exists (01), the amount matches (04) and it has no verdict yet (02). A
     * payment captured for a session we cancelled or let expire is still recorded and confirmed (00): VNPay took the
     * buyer's money, and orders has it refunded.
     */
    @Transactional
    IpnAnswer settle(VnPayResult result) {
        Optional<PaymentSession> found = result.txnRef() == null ? Optional.empty()
                : sessions.findByTxnRefForUpdate(result.txnRef()).filter(s -> s.method() == PaymentMethod.VNPAY);
        if (found.isEmpty()) {
            return IpnAnswer.ORDER_NOT_FOUND;
        }
        PaymentSession session = found.get();
        if (!result.amountIs(session.amountVnd())) {
            LOG.warn("VNPay IPN for {} says amount {}, the session expects {} x 100", session.txnRef(), result.amount(),
                    session.amountVnd());
            return IpnAnswer.INVALID_AMOUNT;
        }
        Instant now = clock.instant();
        Optional<Transition> transition = result.successful()
                ? session.succeed(result.providerResult(), paidAt(result, now), now)
                : session.fail(result.providerResult(), responseCodes.failureReason(result, Locale.ENGLISH), now);
        if (transition.isEmpty()) {
            return IpnAnswer.ALREADY_CONFIRMED;
        }
        PaymentSession next = transition.get().session();
        if (!session.isOpen()) {
            LOG.warn("VNPay captured payment {} of checkout {} after its session was {}; recorded, to be refunded",
                    session.txnRef(), session.checkoutNumber(), session.state());
        }
        sessions.update(next);
        outbox.publish(transition.get().eventType(), transition.get().eventVersion(), next.id().toString(), transition.get().event());
        LOG.info("VNPay payment {} of checkout {}: {} (response {}, status {})", next.txnRef(), next.checkoutNumber(),
                next.state(), result.responseCode(), result.transactionStatus());
        return IpnAnswer.CONFIRMED;
    }

    private static Instant paidAt(VnPayResult result, Instant now) {
        return result.paidAt().orElseGet(() -> {
            LOG.warn("VNPay IPN for {} has no readable vnp_PayDate ({}); recording the time received", result.txnRef(),
                    result.payDate());
            return now;
        });
    }
}
