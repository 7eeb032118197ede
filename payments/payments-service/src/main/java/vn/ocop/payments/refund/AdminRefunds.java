package vn.ocop.payments.refund;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.ocop.payments.api.PaymentMethod;
import vn.ocop.payments.ledger.Sql;
import vn.ocop.payments.session.PaymentSession;
import vn.ocop.payments.session.PaymentSessions;
import vn.ocop.platform.event.Ids;
import vn.ocop.platform.problem.ProblemException;

/**
 * Refunds an administrator asks for, recorded inside the caller's transaction like the ones orders asks for: the
 * {@link RefundWorker} sends them to the provider and {@code RefundCompleted} reaches the ledger. Unlike a
 * {@code RefundRequested}, a request that cannot be honoured is refused to the administrator (a {@link ProblemException})
 * and nothing is recorded. The checkout's captured session is locked while its refunds are added up, as in
 * {@link RefundRecorder}, so concurrent requests never refund more than the payment took; a refund for one seller order
 * also fits within what that order was paid (as the ledger knows it), less that order's refunds. A refund of a VietQR
 * payment is owed until the finance team records the bank transfer that gave it back ({@link BankTransferRefunds}).
 */
@Singleton
public class AdminRefunds {

    private static final Logger LOG = LoggerFactory.getLogger(AdminRefunds.class);

    private final Refunds refunds;
    private final PaymentSessions sessions;
    private final Set<PaymentMethod> refundable = EnumSet.noneOf(PaymentMethod.class);
    private final Sql sql;
    private final Clock clock;

    AdminRefunds(Refunds refunds, PaymentSessions sessions, List<RefundGateway> gateways, Sql sql, Clock clock) {
        this.refunds = refunds;
        this.sessions = sessions;
        gateways.forEach(gateway -> refundable.add(gateway.method()));
        // no provider gives a bank transfer back: the finance team sends it and records it (BankTransferRefunds)
        refundable.add(PaymentMethod.VIETQR);
        this.sql = sql;
        this.clock = clock;
    }

    /** A refund recorded for an administrator, and what is left to refund of the payment after it. */
    @Serdeable
    public record Recorded(UUID refundId, UUID checkoutId, @Nullable UUID orderId, UUID sessionId, String checkoutNumber,
                           PaymentMethod method, long amountVnd, String reason, String state, long paidVnd,
                           long remainingVnd, UUID requestedBy, Instant requestedAt) {
    }

    /**
     * Records a refund of {@code amountVnd} of the checkout's captured payment (for {@code orderId}'s share when given).
     *
     * @throws ProblemException 422 for an amount not positive or above what is left, or an order not of this checkout;
     *                          404 for a checkout payments never saw; 409 when nothing was captured for it or its method
     *                          has no way to give money back
     */
    public Recorded record(UUID checkoutId, @Nullable UUID orderId, long amountVnd, String reason, UUID administrator) {
        if (amountVnd <= 0) {
            throw ProblemException.unprocessable("refund_amount_not_positive",
                    "A refund must be at least 1 VND; {0} VND was asked", amountVnd);
        }
        Optional<PaymentSession> captured = sessions.findByCapturedCheckoutIdForUpdate(checkoutId);
        if (captured.isEmpty()) {
            if (!sessions.existsByCheckoutId(checkoutId)) {
                throw ProblemException.notFound("refund_checkout_unknown", "Payments has no payment for checkout {0}",
                        checkoutId);
            }
            throw ProblemException.conflict("refund_nothing_captured",
                    "Nothing was captured for checkout {0}: there is nothing to refund", checkoutId);
        }
        PaymentSession session = captured.get();
        if (!refundable.contains(session.method())) {
            throw ProblemException.conflict("refund_method_unsupported",
                    "Payments by {0} cannot be given back through the provider; refund checkout {1} by hand",
                    session.method(), session.checkoutNumber());
        }
        long committed = refunds.committedVnd(session.id());
        long remaining = session.receivedVnd() - committed;
        if (amountVnd > remaining) {
            throw ProblemException.unprocessable("refund_exceeds_payment",
                    "A refund of {0} VND exceeds what is left of the payment for checkout {1}: {2} VND received, "
                            + "{3} VND already refunded or being refunded", amountVnd, session.checkoutNumber(),
                    session.receivedVnd(), committed);
        }
        if (orderId != null) {
            long paid = sql.one("SELECT paid_vnd FROM ledger_orders WHERE order_id = ? AND checkout_id = ?",
                            rs -> rs.getLong(1), orderId, checkoutId)
                    .orElseThrow(() -> ProblemException.unprocessable("refund_order_unknown",
                            "Order {0} is not a paid order of checkout {1}", orderId, session.checkoutNumber()));
            long orderCommitted = refunds.committedForOrderVnd(orderId);
            if (amountVnd > paid - orderCommitted) {
                throw ProblemException.unprocessable("refund_exceeds_order",
                        "A refund of {0} VND exceeds what is left of order {1}: {2} VND paid, {3} VND already refunded "
                                + "or being refunded", amountVnd, orderId, paid, orderCommitted);
            }
        }
        Instant now = clock.instant();
        Refund refund = refunds.save(Refund.byAdministrator(Ids.newId(), session, orderId, amountVnd, reason, administrator, now));
        LOG.info("administrator {} asked for refund {} of {} VND of checkout {} (order {}), payment {}", administrator,
                refund.id(), amountVnd, session.checkoutNumber(), orderId, session.txnRef());
        return new Recorded(refund.id(), checkoutId, orderId, session.id(), session.checkoutNumber(), session.method(),
                amountVnd, refund.reason(), refund.state().name(), session.receivedVnd(), remaining - amountVnd,
                administrator, now);
    }
}
