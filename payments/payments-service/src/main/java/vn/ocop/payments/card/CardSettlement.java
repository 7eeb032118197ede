package vn.ocop.payments.card;

import com.stripe.model.Charge;
import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.util.StringUtils;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.ocop.payments.api.PaymentMethod;
import vn.ocop.payments.card.WebhookAnswer.Outcome;
import vn.ocop.payments.session.PaymentSession;
import vn.ocop.payments.session.PaymentSessions;
import vn.ocop.payments.session.ProviderResult;
import vn.ocop.payments.session.SessionState;
import vn.ocop.payments.session.Transition;
import vn.ocop.platform.outbox.Outbox;
import vn.ocop.platform.problem.ProblemException;

/**
 * Applies an authentic Stripe event once, in one transaction: the event id is recorded first ({@code INSERT IGNORE}, so
 * a copy delivered again, even concurrently, finds it taken and changes nothing), then the session is locked and given
 * its verdict as VNPay's IPN gives it ({@link PaymentSession#succeed}, {@link PaymentSession#fail}): a payment captured
 * for a session we had cancelled or let expire is recorded all the same, and orders has it refunded. An intent whose
 * amount or currency is not the session's is refused (problem+json) and nothing is recorded.
 */
@Singleton
@Requires(property = StripeConfiguration.ENABLED, value = StringUtils.TRUE)
class CardSettlement {

    private static final Logger LOG = LoggerFactory.getLogger(CardSettlement.class);
    /** Our short codes of a card payment's outcome, as kept on the session (the column holds 8 characters). */
    static final String CAPTURED = "captured";
    static final String DECLINED = "declined";

    private final PaymentSessions sessions;
    private final CardRecords records;
    private final Outbox outbox;
    private final Clock clock;

    CardSettlement(PaymentSessions sessions, CardRecords records, Outbox outbox, Clock clock) {
        this.sessions = sessions;
        this.records = records;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    WebhookAnswer settle(Event event, PaymentIntent intent) {
        Instant now = clock.instant();
        if (!records.recordEvent(event.getId(), event.getType(), intent.getId(), null, Outcome.NO_CHANGE.name(), created(event, now),
                now)) {
            return new WebhookAnswer(event.getId(), Outcome.DUPLICATE);
        }
        Optional<PaymentSession> found = session(intent.getId(), intent.getMetadata());
        if (found.isEmpty()) {
            LOG.warn("Stripe event {} ({}) is about intent {}, which pays no CARD session of ours", event.getId(), event.getType(),
                    intent.getId());
            return outcome(event, null, Outcome.UNKNOWN_SESSION);
        }
        PaymentSession session = found.get();
        if (!CardIntents.VND.equals(intent.getCurrency()) || intent.getAmount() == null || intent.getAmount() != session.amountVnd()) {
            LOG.warn("Stripe event {}: intent {} of session {} is for {} {}, the session expects {} VND; refused", event.getId(),
                    intent.getId(), session.txnRef(), intent.getAmount(), intent.getCurrency(), session.amountVnd());
            throw ProblemException.unprocessable("stripe_amount_mismatch",
                    "Payment {0} is for {1} {2}, which is not the session''s amount ({3} VND)", intent.getId(),
                    String.valueOf(intent.getAmount()), intent.getCurrency(), String.valueOf(session.amountVnd()));
        }
        boolean succeeded = "payment_intent.succeeded".equals(event.getType());
        Optional<Transition> transition = succeeded
                ? session.succeed(new ProviderResult(intent.getId(), CAPTURED, "card"), created(event, now), now)
                : session.fail(new ProviderResult(intent.getId(), DECLINED, "card"), failureReason(intent), now);
        if (transition.isEmpty()) {
            if (succeeded && session.state() == SessionState.FAILED) {
                LOG.error("Stripe captured intent {} for card session {} of checkout {}, which had already failed: refund it in "
                        + "Stripe", intent.getId(), session.txnRef(), session.checkoutNumber());
                return outcome(event, session.id(), Outcome.CAPTURED_AFTER_FAILURE);
            }
            return outcome(event, session.id(), Outcome.NO_CHANGE);
        }
        Outcome outcome = succeeded ? (session.isOpen() ? Outcome.SUCCEEDED : Outcome.LATE_CAPTURE) : Outcome.FAILED;
        if (outcome == Outcome.LATE_CAPTURE) {
            LOG.warn("Stripe captured card payment {} of checkout {} after its session was {}; recorded, to be refunded",
                    session.txnRef(), session.checkoutNumber(), session.state());
        }
        PaymentSession next = transition.get().session();
        sessions.update(next);
        outbox.publish(transition.get().eventType(), transition.get().eventVersion(), next.id().toString(), transition.get().event());
        return outcome(event, session.id(), outcome);
    }

    /** Notes what Stripe says is refunded of a charge (our refund worker's refunds and any made in Stripe's dashboard). */
    @Transactional
    WebhookAnswer refunded(Event event, Charge charge) {
        Instant now = clock.instant();
        if (!records.recordEvent(event.getId(), event.getType(), charge.getPaymentIntent(), null, Outcome.REFUND_NOTED.name(),
                created(event, now), now)) {
            return new WebhookAnswer(event.getId(), Outcome.DUPLICATE);
        }
        UUID sessionId = charge.getPaymentIntent() == null ? null
                : session(charge.getPaymentIntent(), charge.getMetadata()).map(PaymentSession::id).orElse(null);
        records.recordRefundNotice(event.getId(), charge.getId(), charge.getPaymentIntent(), sessionId,
                charge.getAmountRefunded() == null ? 0 : charge.getAmountRefunded(), Boolean.TRUE.equals(charge.getRefunded()), now);
        return outcome(event, sessionId, sessionId == null ? Outcome.UNKNOWN_SESSION : Outcome.REFUND_NOTED);
    }

    @Transactional
    WebhookAnswer ignore(Event event) {
        Instant now = clock.instant();
        if (!records.recordEvent(event.getId(), event.getType(), null, null, Outcome.IGNORED.name(), created(event, now), now)) {
            return new WebhookAnswer(event.getId(), Outcome.DUPLICATE);
        }
        return new WebhookAnswer(event.getId(), Outcome.IGNORED);
    }

    /**
     * The CARD session an intent pays, locked: the one whose recorded intent it is, else the one its metadata names (an
     * intent created whose recording was lost), provided no other intent is recorded for it.
     */
    private Optional<PaymentSession> session(String intentId, Map<String, String> metadata) {
        Optional<CardRecords.Intent> recorded = records.intentById(intentId);
        String txnRef = recorded.map(CardRecords.Intent::txnRef)
                .orElse(metadata == null ? null : metadata.get(CardIntents.TXN_REF));
        if (txnRef == null) {
            return Optional.empty();
        }
        Optional<PaymentSession> session = sessions.findByTxnRefForUpdate(txnRef).filter(s -> s.method() == PaymentMethod.CARD);
        if (recorded.isEmpty() && session.isPresent()
                && records.intentOf(session.get().id()).filter(other -> !other.intentId().equals(intentId)).isPresent()) {
            return Optional.empty();
        }
        return session;
    }

    private WebhookAnswer outcome(Event event, UUID sessionId, Outcome outcome) {
        records.eventOutcome(event.getId(), sessionId, outcome.name());
        return new WebhookAnswer(event.getId(), outcome);
    }

    private static String failureReason(PaymentIntent intent) {
        var error = intent.getLastPaymentError();
        if (error == null) {
            return "the card payment failed";
        }
        // Stripe's codes only (card_declined, insufficient_funds, ...): never anything about the card itself
        return "the card payment failed: " + (error.getDeclineCode() != null ? error.getDeclineCode() : error.getCode());
    }

    private static Instant created(Event event, Instant now) {
        return event.getCreated() == null ? now : Instant.ofEpochSecond(event.getCreated());
    }
}
