package vn.ocop.payments.card;

import com.google.gson.JsonParseException;
import com.stripe.StripeClient;
import com.stripe.exception.EventDataObjectDeserializationException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.exception.StripeException;
import com.stripe.model.Charge;
import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import com.stripe.model.StripeObject;
import com.stripe.net.Webhook;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.util.StringUtils;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.ocop.platform.problem.ProblemException;

/**
 * Receives Stripe's webhooks: verifies the {@code Stripe-Signature} over the exact bytes received, with stripe-java's
 * {@link Webhook#constructEvent} (HMAC-SHA256 with the endpoint's secret, timestamp within the tolerance) before reading
 * anything in them, then acts on the event once ({@link CardSettlement}). A refusal is a problem+json and changes
 * nothing. Neither the body nor anything about the card is logged: only event ids, types and intent ids.
 */
@Singleton
@Requires(property = StripeConfiguration.ENABLED, value = StringUtils.TRUE)
class StripeWebhooks {

    /** Stripe's events are a few kilobytes; anything far larger is not one. */
    static final int MAX_BODY = 256 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(StripeWebhooks.class);

    private final StripeConfiguration config;
    private final CardSettlement settlement;
    private final StripeClient stripe;

    StripeWebhooks(StripeConfiguration config, CardSettlement settlement, StripeClient stripe) {
        this.config = config;
        this.settlement = settlement;
        this.stripe = stripe;
    }

    WebhookAnswer receive(String signature, byte[] body) {
        if (signature == null || signature.isBlank()) {
            throw ProblemException.badRequest("missing_stripe_signature", "The Stripe notification has no Stripe-Signature header");
        }
        if (body.length > MAX_BODY) {
            throw ProblemException.badRequest("stripe_event_unreadable", "The Stripe notification cannot be read");
        }
        Event event;
        try {
            event = Webhook.constructEvent(new String(body, StandardCharsets.UTF_8), signature, config.webhookSecret(),
                    config.tolerance().toSeconds());
        } catch (SignatureVerificationException e) {
            LOG.warn("Stripe webhook refused: {}", e.getMessage());
            throw ProblemException.badRequest("invalid_stripe_signature", "The Stripe notification''s signature is invalid or too old");
        } catch (JsonParseException e) {
            LOG.warn("Stripe webhook refused: signed, but not an event");
            throw unreadable();
        }
        if (event.getId() == null || event.getType() == null || event.getData() == null) {
            throw unreadable();
        }
        WebhookAnswer answer = switch (event.getType()) {
            case "payment_intent.succeeded", "payment_intent.payment_failed" ->
                    settlement.settle(event, object(event, PaymentIntent.class));
            case "charge.refunded" -> settlement.refunded(event, object(event, Charge.class));
            default -> settlement.ignore(event);
        };
        LOG.info("Stripe event {} {}: {}", event.getId(), event.getType(), answer.outcome());
        if (answer.outcome() == WebhookAnswer.Outcome.FAILED) {
            cancelAfterFailure(object(event, PaymentIntent.class));
        }
        return answer;
    }

    /**
     * A failed session is over, but its intent would still take another card on a page left open: it is cancelled at
     * Stripe, so that no payment can succeed for a session that has already failed.
     */
    private void cancelAfterFailure(PaymentIntent intent) {
        try {
            stripe.v1().paymentIntents().cancel(intent.getId());
        } catch (StripeException e) {
            LOG.error("card payment {} failed, but its PaymentIntent could not be cancelled ({}, HTTP {}): a later payment with "
                    + "it would have to be refunded by hand", intent.getId(), e.getClass().getSimpleName(), e.getStatusCode());
        }
    }

    private static <T extends StripeObject> T object(Event event, Class<T> kind) {
        StripeObject object;
        try {
            object = event.getDataObjectDeserializer().getObject().orElse(null);
            if (object == null) {
                // an event of another API version than stripe-java's: the fields we read are stable across versions
                object = event.getDataObjectDeserializer().deserializeUnsafe();
            }
        } catch (EventDataObjectDeserializationException | JsonParseException e) {
            throw unreadable();
        }
        if (!kind.isInstance(object)) {
            throw unreadable();
        }
        return kind.cast(object);
    }

    private static ProblemException unreadable() {
        return ProblemException.badRequest("stripe_event_unreadable", "The Stripe notification cannot be read");
    }
}
