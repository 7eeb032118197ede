package vn.ocop.payments.session;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.ocop.orders.api.CheckoutAwaitingPayment;
import vn.ocop.payments.api.PaymentMethod;
import vn.ocop.platform.event.Ids;
import vn.ocop.platform.event.NonRetryableEventException;
import vn.ocop.platform.outbox.Outbox;

/**
 * Opens one payment session per checkout with the gateway of the buyer's method, inside the caller's transaction.
 * A checkout that already has a session gets no second one; two concurrent openings for one checkout collide on
 * the table's unique key for open sessions, and the loser's retry finds the winner's session.
 */
@Singleton
class SessionOpener {

    private static final Logger LOG = LoggerFactory.getLogger(SessionOpener.class);

    private final PaymentSessions sessions;
    private final Map<PaymentMethod, PaymentGateway> gateways = new EnumMap<>(PaymentMethod.class);
    private final Outbox outbox;
    private final Clock clock;
    private final SessionConfiguration config;

    SessionOpener(PaymentSessions sessions, List<PaymentGateway> gateways, Outbox outbox, Clock clock, SessionConfiguration config) {
        this.sessions = sessions;
        gateways.forEach(gateway -> this.gateways.put(gateway.method(), gateway));
        this.outbox = outbox;
        this.clock = clock;
        this.config = config;
    }

    void open(CheckoutAwaitingPayment checkout) {
        PaymentGateway gateway = gateways.get(checkout.paymentMethod());
        if (gateway == null) {
            LOG.warn("checkout {} awaits payment by {}, for which no payment gateway exists (yet); no session opened",
                    checkout.checkoutNumber(), checkout.paymentMethod());
            return;
        }
        if (checkout.amountVnd() <= 0) {
            throw new NonRetryableEventException("checkout " + checkout.checkoutId() + " awaits a non-positive amount");
        }
        if (sessions.existsByCheckoutId(checkout.checkoutId())) {
            LOG.info("checkout {} already has a payment session; not opening another", checkout.checkoutNumber());
            return;
        }
        // whole seconds, as VNPay dates are: the pay URL, the row and the event then agree exactly
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant latest = now.plus(config.maxLifetime());
        Instant expiresAt = checkout.payBefore().isAfter(latest) ? latest : checkout.payBefore().truncatedTo(ChronoUnit.SECONDS);
        if (!expiresAt.isAfter(now)) {
            LOG.warn("checkout {} had to be paid before {}; no session opened", checkout.checkoutNumber(), checkout.payBefore());
            return;
        }
        var request = new NewSession(Ids.newId(), checkout.checkoutId(), checkout.checkoutNumber(), checkout.paymentMethod(),
                checkout.amountVnd(), TxnRefs.next(), checkout.buyerIp(), now, expiresAt);
        Transition opened = PaymentSession.open(request, gateway.actionFor(request));
        sessions.save(opened.session());
        outbox.publish(opened.eventType(), opened.eventVersion(), opened.session().id().toString(), opened.event());
        LOG.info("opened {} payment session {} ({}) for checkout {}", request.method(), request.sessionId(), request.txnRef(),
                checkout.checkoutNumber());
    }
}
