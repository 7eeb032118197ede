package vn.ocop.payments.card.standin;

import com.google.gson.JsonObject;
import com.stripe.Stripe;
import com.stripe.model.Charge;
import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.model.StripeError;
import com.stripe.model.StripeObject;
import com.stripe.net.ApiResource;
import com.stripe.net.Webhook;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.util.StringUtils;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.ocop.payments.card.StripeConfiguration;

/**
 * The stand-in's memory and behaviour: PaymentIntents, their confirmation with Stripe's test payment methods
 * ({@code pm_card_visa} succeeds, {@code pm_card_chargeDeclined} is declined), refunds, and the events each sends to our
 * webhook endpoint, signed with the endpoint's secret by stripe-java's own signing helper. Objects are stripe-java's
 * model classes, written with its Gson, so stripe-java reads them back as it reads Stripe's. An idempotency key used
 * again gives the first answer again, or an idempotency error when the parameters differ, as Stripe does.
 */
@Singleton
@Requires(property = StripeStandInConfiguration.ENABLED, value = StringUtils.TRUE)
public class StripeStandIn {

    /** Stripe's test payment methods the stand-in knows. */
    public static final String PAY = "pm_card_visa";
    public static final String DECLINE = "pm_card_chargeDeclined";

    /** An event as sent to our endpoint, and the HTTP status it was answered (0: not reached). */
    public record Delivery(String eventId, String type, String payload, int status) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(StripeStandIn.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private final Map<String, PaymentIntent> intents = new HashMap<>();
    private final Map<String, Charge> charges = new HashMap<>();
    /** idempotency key -> the request's parameters and the object it created */
    private final Map<String, Map.Entry<Map<String, String>, StripeObject>> idempotent = new HashMap<>();
    private final List<Delivery> deliveries = new ArrayList<>();
    private final StripeConfiguration stripe;
    private final StripeStandInConfiguration config;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    StripeStandIn(StripeConfiguration stripe, StripeStandInConfiguration config, Clock clock) {
        this.stripe = stripe;
        this.config = config;
        this.clock = clock;
    }

    /** Whether a request carries our account's secret key, as Stripe requires. */
    boolean authorised(String authorization) {
        return ("Bearer " + stripe.secretKey()).equals(authorization);
    }

    /**
     * Whether a confirmation comes from the buyer's browser as Stripe.js sends it: with our publishable key and the
     * intent's client secret (which only our card page had).
     */
    synchronized boolean authorisedByClient(String authorization, String intentId, String clientSecret) {
        PaymentIntent intent = intents.get(intentId);
        return ("Bearer " + stripe.publishableKey()).equals(authorization) && intent != null
                && intent.getClientSecret().equals(clientSecret);
    }

    synchronized PaymentIntent createIntent(Map<String, String> params, String idempotencyKey) {
        Optional<StripeObject> again = replay(idempotencyKey, params, PaymentIntent.class);
        if (again.isPresent()) {
            return (PaymentIntent) again.get();
        }
        long amount = positive(params.get("amount"), "amount");
        String currency = params.get("currency");
        if (currency == null || currency.isBlank()) {
            throw StandInError.invalid("parameter_missing", "Missing required param: currency.");
        }
        var intent = new PaymentIntent();
        intent.setId("pi_" + token(24));
        intent.setObject("payment_intent");
        intent.setAmount(amount);
        intent.setAmountReceived(0L);
        intent.setCurrency(currency);
        intent.setStatus("requires_payment_method");
        intent.setClientSecret(intent.getId() + "_secret_" + token(24));
        intent.setCaptureMethod("automatic");
        intent.setDescription(params.get("description"));
        intent.setPaymentMethodTypes(List.of("card"));
        intent.setMetadata(metadata(params));
        intent.setCreated(clock.instant().getEpochSecond());
        intent.setLivemode(false);
        intents.put(intent.getId(), intent);
        remember(idempotencyKey, params, intent);
        return intent;
    }

    synchronized PaymentIntent intent(String id) {
        PaymentIntent intent = intents.get(id);
        if (intent == null) {
            throw new StandInError(404, "invalid_request_error", "resource_missing", "No such payment_intent: '" + id + "'");
        }
        return intent;
    }

    /**
     * Confirms an intent with a test payment method, as the buyer's browser does through Stripe.js: it succeeds (a
     * charge, {@code payment_intent.succeeded}) or is declined ({@code payment_intent.payment_failed}). The event goes
     * to our endpoint before the answer, so a caller sees its effect once this returns.
     */
    PaymentIntent confirm(String id, String paymentMethod) {
        PaymentIntent intent;
        Event event;
        synchronized (this) {
            intent = intent(id);
            if ("succeeded".equals(intent.getStatus()) || "canceled".equals(intent.getStatus())) {
                throw StandInError.invalid("payment_intent_unexpected_state", "This PaymentIntent's payment_method could not be "
                        + "updated because it has a status of " + intent.getStatus() + ".");
            }
            intent.setPaymentMethod("pm_" + token(24));
            if (PAY.equals(paymentMethod)) {
                var charge = new Charge();
                charge.setId("ch_" + token(24));
                charge.setObject("charge");
                charge.setAmount(intent.getAmount());
                charge.setAmountRefunded(0L);
                charge.setCurrency(intent.getCurrency());
                charge.setRefunded(false);
                charge.setPaid(true);
                charge.setCaptured(true);
                charge.setStatus("succeeded");
                charge.setPaymentIntent(intent.getId());
                charge.setCreated(clock.instant().getEpochSecond());
                charge.setLivemode(false);
                charge.setMetadata(intent.getMetadata());
                charges.put(charge.getId(), charge);
                intent.setStatus("succeeded");
                intent.setAmountReceived(intent.getAmount());
                intent.setLatestCharge(charge.getId());
                intent.setLastPaymentError(null);
                event = event("payment_intent.succeeded", intent);
            } else if (DECLINE.equals(paymentMethod)) {
                var error = new StripeError();
                error.setType("card_error");
                error.setCode("card_declined");
                error.setDeclineCode("generic_decline");
                error.setMessage("Your card was declined.");
                intent.setStatus("requires_payment_method");
                intent.setLastPaymentError(error);
                event = event("payment_intent.payment_failed", intent);
            } else {
                throw StandInError.invalid("resource_missing", "No such PaymentMethod: '" + paymentMethod + "'");
            }
        }
        send(event);
        return intent;
    }

    /** Cancels an intent not yet paid; it then takes no payment. */
    synchronized PaymentIntent cancel(String id) {
        PaymentIntent intent = intent(id);
        if ("succeeded".equals(intent.getStatus())) {
            throw StandInError.invalid("payment_intent_unexpected_state", "You cannot cancel this PaymentIntent because it has a "
                    + "status of succeeded.");
        }
        intent.setStatus("canceled");
        return intent;
    }

    /** Refunds part or all of an intent's charge; {@code charge.refunded} follows. */
    Refund refund(Map<String, String> params, String idempotencyKey) {
        Refund refund;
        Event event;
        synchronized (this) {
            Optional<StripeObject> again = replay(idempotencyKey, params, Refund.class);
            if (again.isPresent()) {
                return (Refund) again.get();
            }
            String intentId = params.get("payment_intent");
            if (intentId == null) {
                throw StandInError.invalid("parameter_missing", "One of the following params should be provided for this request: "
                        + "payment_intent or charge.");
            }
            PaymentIntent intent = intent(intentId);
            Charge charge = intent.getLatestCharge() == null ? null : charges.get(intent.getLatestCharge());
            if (charge == null || !"succeeded".equals(intent.getStatus())) {
                throw StandInError.invalid("charge_not_refundable", "This PaymentIntent does not have a successful charge to refund.");
            }
            long left = charge.getAmount() - charge.getAmountRefunded();
            if (left == 0) {
                throw StandInError.invalid("charge_already_refunded", "Charge " + charge.getId() + " has already been refunded.");
            }
            long amount = params.containsKey("amount") ? positive(params.get("amount"), "amount") : left;
            if (amount > left) {
                throw StandInError.invalid("amount_too_large", "Refund amount (" + amount + ") is greater than unrefunded amount on "
                        + "charge (" + left + ")");
            }
            refund = new Refund();
            refund.setId("re_" + token(24));
            refund.setObject("refund");
            refund.setAmount(amount);
            refund.setCurrency(charge.getCurrency());
            refund.setStatus("succeeded");
            refund.setPaymentIntent(intent.getId());
            charge.setAmountRefunded(charge.getAmountRefunded() + amount);
            charge.setRefunded(charge.getAmountRefunded().equals(charge.getAmount()));
            remember(idempotencyKey, params, refund);
            event = event("charge.refunded", charge);
        }
        send(event);
        return refund;
    }

    /** What was sent to our endpoint, oldest first. */
    public synchronized List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    /** The intents created, for specs. */
    public synchronized List<PaymentIntent> intents() {
        return List.copyOf(intents.values());
    }

    /**
     * The header Stripe signs {@code payload} with at {@code timestamp} (Unix seconds) for our endpoint, by
     * stripe-java's own helper.
     */
    public String signatureHeader(String payload, long timestamp) {
        try {
            return Webhook.Signature.generateSignatureHeader(payload, stripe.webhookSecret(), timestamp);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /** Posts {@code payload} to our endpoint signed now, as Stripe (re)delivers an event; the HTTP status answered. */
    public int deliver(String payload) {
        return post(payload, signatureHeader(payload, clock.instant().getEpochSecond()));
    }

    /** Posts {@code payload} with the given {@code Stripe-Signature} header (or none); the HTTP status answered. */
    public int post(String payload, String signatureHeader) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(config.webhookUrl()))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8));
        if (signatureHeader != null) {
            request.header("Stripe-Signature", signatureHeader);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            LOG.warn("Stripe stand-in: our webhook endpoint {} could not be reached: {}", config.webhookUrl(), e.getMessage());
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** An event about {@code object} as Stripe writes it: its JSON payload, in stripe-java's own serialisation. */
    public synchronized Event event(String type, StripeObject object) {
        var event = new Event();
        event.setId("evt_" + token(24));
        event.setObject("event");
        event.setApiVersion(Stripe.API_VERSION);
        event.setCreated(clock.instant().getEpochSecond());
        event.setLivemode(false);
        event.setType(type);
        var data = new Event.Data();
        data.setObject(ApiResource.GSON.toJsonTree(object).getAsJsonObject());
        event.setData(data);
        return event;
    }

    /** An event's JSON payload as Stripe sends it. */
    public static String payload(Event event) {
        return ApiResource.GSON.toJson(event);
    }

    private void send(Event event) {
        String payload = payload(event);
        int status = deliver(payload);
        synchronized (this) {
            deliveries.add(new Delivery(event.getId(), event.getType(), payload, status));
        }
        LOG.info("Stripe stand-in: {} {} answered HTTP {}", event.getType(), event.getId(), status);
    }

    private Optional<StripeObject> replay(String key, Map<String, String> params, Class<? extends StripeObject> kind) {
        if (key == null) {
            return Optional.empty();
        }
        var earlier = idempotent.get(key);
        if (earlier == null) {
            return Optional.empty();
        }
        if (!earlier.getKey().equals(params) || !kind.isInstance(earlier.getValue())) {
            throw new StandInError(400, "idempotency_error", "idempotency_key_in_use", "Keys for idempotent requests can only be "
                    + "used with the same parameters they were first used with.");
        }
        return Optional.of(earlier.getValue());
    }

    private void remember(String key, Map<String, String> params, StripeObject created) {
        if (key != null) {
            idempotent.put(key, Map.entry(Map.copyOf(params), created));
        }
    }

    private static Map<String, String> metadata(Map<String, String> params) {
        Map<String, String> metadata = new LinkedHashMap<>();
        params.forEach((name, value) -> {
            if (name.startsWith("metadata[") && name.endsWith("]")) {
                metadata.put(name.substring("metadata[".length(), name.length() - 1), value);
            }
        });
        return metadata;
    }

    private static long positive(String value, String param) {
        try {
            long amount = Long.parseLong(value);
            if (amount > 0) {
                return amount;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new StandInError(400, "invalid_request_error", "parameter_invalid_integer", "Invalid positive integer: " + param);
    }

    private static String token(int length) {
        var out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }

    /** The JSON of a refusal, as Stripe answers one. */
    static String errorJson(StandInError error) {
        var stripeError = new StripeError();
        stripeError.setType(error.type);
        stripeError.setCode(error.code);
        stripeError.setMessage(error.getMessage());
        var body = new JsonObject();
        body.add("error", ApiResource.GSON.toJsonTree(stripeError));
        return ApiResource.GSON.toJson(body);
    }
}
