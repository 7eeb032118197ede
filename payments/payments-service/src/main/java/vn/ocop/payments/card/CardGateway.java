package vn.ocop.payments.card;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.util.StringUtils;
import jakarta.inject.Singleton;
import vn.ocop.payments.api.PaymentMethod;
import vn.ocop.payments.api.PaymentSessionOpened.Kind;
import vn.ocop.payments.api.PaymentSessionOpened.PaymentAction;
import vn.ocop.payments.session.NewSession;
import vn.ocop.payments.session.PaymentGateway;

/**
 * Opens card sessions: the buyer is sent to our card page ({@code /payments/card/<ref>}), which collects the card with
 * Stripe.js, so no card number ever reaches us. Nothing is called here, inside the opening's transaction: the page
 * creates the session's PaymentIntent when the buyer first opens it ({@link CardIntents}), with an idempotency key
 * derived from the session, and Stripe's webhook ({@code payment_intent.succeeded}) settles the session.
 */
@Singleton
@Requires(property = StripeConfiguration.ENABLED, value = StringUtils.TRUE)
class CardGateway implements PaymentGateway {

    private final StripeConfiguration config;

    CardGateway(StripeConfiguration config) {
        this.config = config;
    }

    @Override
    public PaymentMethod method() {
        return PaymentMethod.CARD;
    }

    @Override
    public PaymentAction actionFor(NewSession session) {
        return new PaymentAction(Kind.REDIRECT, config.pageUrl(session.txnRef()), null);
    }
}
