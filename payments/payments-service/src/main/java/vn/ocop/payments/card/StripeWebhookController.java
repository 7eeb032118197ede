package vn.ocop.payments.card;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.util.StringUtils;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;

/** Stripe's webhook endpoint; public, authenticated by the {@code Stripe-Signature} of the raw body. */
@Controller("/payments/stripe")
@Requires(property = StripeConfiguration.ENABLED, value = StringUtils.TRUE)
@Secured(SecurityRule.IS_ANONYMOUS)
class StripeWebhookController {

    static final String SIGNATURE = "Stripe-Signature";

    private final StripeWebhooks webhooks;

    StripeWebhookController(StripeWebhooks webhooks) {
        this.webhooks = webhooks;
    }

    @Operation(summary = "Stripe webhook: payment_intent.succeeded / payment_failed settle a CARD session, charge.refunded is "
            + "noted; problem+json (400) when unsigned, forged, altered, older than the tolerance or unreadable, 422 when the "
            + "amount is not the session's")
    @Post(uri = "/webhook", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    WebhookAnswer webhook(@Header(SIGNATURE) @Nullable String signature, @Body @Nullable byte[] body) {
        return webhooks.receive(signature, body == null ? new byte[0] : body);
    }
}
