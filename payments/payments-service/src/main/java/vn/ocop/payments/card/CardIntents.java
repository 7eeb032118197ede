package vn.ocop.payments.card;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCreateParams;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.util.StringUtils;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.ocop.payments.session.PaymentSession;

/**
 * The PaymentIntent of a CARD session: created at Stripe the first time the buyer opens the card page, and read back
 * from Stripe afterwards. Called outside any transaction. The creation's idempotency key is derived from the session, so
 * two pages opened at once, or a creation retried after a lost answer, get Stripe's one intent for the session; the
 * table's key on the session keeps the first one recorded. The client secret is never stored nor logged.
 */
@Singleton
@Requires(property = StripeConfiguration.ENABLED, value = StringUtils.TRUE)
class CardIntents {

    /** Metadata keys on our intents; the webhook finds the session by {@link #TXN_REF}. */
    static final String SESSION_ID = "ocop_session_id";
    static final String TXN_REF = "ocop_txn_ref";
    static final String CHECKOUT_NUMBER = "ocop_checkout_number";
    /** Stripe's code of the dong, a zero-decimal currency: amounts are whole dong. */
    static final String VND = "vnd";

    private static final Logger LOG = LoggerFactory.getLogger(CardIntents.class);

    private final StripeClient stripe;
    private final CardRecords records;
    private final Clock clock;

    CardIntents(StripeClient stripe, CardRecords records, Clock clock) {
        this.stripe = stripe;
        this.records = records;
        this.clock = clock;
    }

    /** The idempotency key of the creation of a session's intent. */
    static String idempotencyKey(PaymentSession session) {
        return "ocop-card-intent-" + session.id();
    }

    /** The session's intent, created if it has none yet. */
    PaymentIntent intentFor(PaymentSession session) throws StripeException {
        Optional<CardRecords.Intent> recorded = records.intentOf(session.id());
        if (recorded.isPresent()) {
            return stripe.v1().paymentIntents().retrieve(recorded.get().intentId());
        }
        var params = PaymentIntentCreateParams.builder()
                .setAmount(session.amountVnd())
                .setCurrency(VND)
                .setAutomaticPaymentMethods(PaymentIntentCreateParams.AutomaticPaymentMethods.builder().setEnabled(true).build())
                .setDescription("OCOP " + session.checkoutNumber())
                .putMetadata(SESSION_ID, session.id().toString())
                .putMetadata(TXN_REF, session.txnRef())
                .putMetadata(CHECKOUT_NUMBER, session.checkoutNumber())
                .build();
        PaymentIntent created = stripe.v1().paymentIntents().create(params,
                RequestOptions.builder().setIdempotencyKey(idempotencyKey(session)).build());
        CardRecords.Intent kept = records.recordIntent(new CardRecords.Intent(session.id(), session.txnRef(), created.getId(),
                session.amountVnd()), clock.instant());
        if (!kept.intentId().equals(created.getId())) {
            // cannot happen while Stripe honours the idempotency key; the recorded one is the one the webhook will name
            LOG.error("card session {} got intent {} from Stripe but {} is recorded; showing the recorded one",
                    session.txnRef(), created.getId(), kept.intentId());
            return stripe.v1().paymentIntents().retrieve(kept.intentId());
        }
        LOG.info("card session {} of checkout {}: PaymentIntent {} for {} VND", session.txnRef(), session.checkoutNumber(),
                created.getId(), session.amountVnd());
        return created;
    }
}
