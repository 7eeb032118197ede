package vn.ocop.payments.card.standin;

import com.stripe.model.StripeObject;
import com.stripe.net.ApiResource;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.util.StringUtils;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.uri.QueryStringDecoder;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A local stand-in for the part of Stripe's API we use ({@code <base>/v1/...}, form-encoded requests as stripe-java
 * sends them, JSON answers): creating, reading and confirming PaymentIntents, and refunds. Point
 * {@code ocop.stripe.api-base} at {@code <this service>/stripe-standin}. Requests must carry the configured secret key,
 * as Stripe's do. Off unless {@code ocop.stripe.standin.enabled} is true; never enable it in production.
 */
@Hidden
@Controller("/stripe-standin/v1")
@Secured(SecurityRule.IS_ANONYMOUS)
@Requires(property = StripeStandInConfiguration.ENABLED, value = StringUtils.TRUE)
class StripeStandInController {

    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final StripeStandIn stripe;

    StripeStandInController(StripeStandIn stripe) {
        this.stripe = stripe;
    }

    @Post(uri = "/payment_intents", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.APPLICATION_JSON)
    HttpResponse<String> createIntent(@Header(HttpHeaders.AUTHORIZATION) @Nullable String authorization,
                                      @Header(IDEMPOTENCY_KEY) @Nullable String idempotencyKey, @Body @Nullable byte[] body) {
        return answer(stripe.authorised(authorization), () -> stripe.createIntent(form(body), idempotencyKey));
    }

    @Get(uri = "/payment_intents/{id}", produces = MediaType.APPLICATION_JSON)
    HttpResponse<String> intent(@Header(HttpHeaders.AUTHORIZATION) @Nullable String authorization, @PathVariable String id) {
        return answer(stripe.authorised(authorization), () -> stripe.intent(id));
    }

    @Post(uri = "/payment_intents/{id}/confirm", consumes = MediaType.APPLICATION_FORM_URLENCODED,
            produces = MediaType.APPLICATION_JSON)
    HttpResponse<String> confirm(@Header(HttpHeaders.AUTHORIZATION) @Nullable String authorization, @PathVariable String id,
                                 @Body @Nullable byte[] body) {
        Map<String, String> form = form(body);
        // with the secret key, or as Stripe.js confirms from the buyer's browser: the publishable key and the client secret
        return answer(stripe.authorised(authorization) || stripe.authorisedByClient(authorization, id, form.get("client_secret")),
                () -> stripe.confirm(id, form.get("payment_method")));
    }

    @Post(uri = "/payment_intents/{id}/cancel", consumes = MediaType.APPLICATION_FORM_URLENCODED,
            produces = MediaType.APPLICATION_JSON)
    HttpResponse<String> cancel(@Header(HttpHeaders.AUTHORIZATION) @Nullable String authorization, @PathVariable String id) {
        return answer(stripe.authorised(authorization), () -> stripe.cancel(id));
    }

    @Post(uri = "/refunds", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.APPLICATION_JSON)
    HttpResponse<String> refund(@Header(HttpHeaders.AUTHORIZATION) @Nullable String authorization,
                                @Header(IDEMPOTENCY_KEY) @Nullable String idempotencyKey, @Body @Nullable byte[] body) {
        return answer(stripe.authorised(authorization), () -> stripe.refund(form(body), idempotencyKey));
    }

    private HttpResponse<String> answer(boolean authorised, Supplier<StripeObject> call) {
        try {
            if (!authorised) {
                throw new StandInError(401, "invalid_request_error", "api_key_invalid", "Invalid API Key provided.");
            }
            return HttpResponse.ok(ApiResource.GSON.toJson(call.get())).contentType(MediaType.APPLICATION_JSON_TYPE);
        } catch (StandInError e) {
            return HttpResponse.<String>status(HttpStatus.valueOf(e.status)).body(StripeStandIn.errorJson(e))
                    .contentType(MediaType.APPLICATION_JSON_TYPE);
        }
    }

    /** A form-encoded body's parameters, names as sent ({@code metadata[key]}); the last value of a repeated name. */
    private static Map<String, String> form(byte[] body) {
        String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
        Map<String, String> params = new LinkedHashMap<>();
        new QueryStringDecoder(text, StandardCharsets.UTF_8, false).parameters().forEach((name, values) -> {
            List<String> all = values;
            if (!all.isEmpty()) {
                params.put(name, all.getLast());
            }
        });
        return params;
    }
}
