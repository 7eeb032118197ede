package vn.ocop.payments.card;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;

/**
 * Card payments through Stripe ({@code ocop.stripe.*}, from {@code OCOP_STRIPE_*} in the environment, e.g.
 * {@code OCOP_STRIPE_SECRET_KEY}; see application.yml). The defaults there are DEVELOPMENT DEFAULTS ONLY: keys Stripe does
 * not know (the real API refuses them) and a publicly known webhook secret; every real deployment sets its own.
 *
 * @param secretKey      the API secret key ({@code sk_...}); never logged
 * @param publishableKey the publishable key ({@code pk_...}) the card page gives Stripe.js
 * @param webhookSecret  the signing secret of our webhook endpoint ({@code whsec_...}); never logged
 * @param apiBase        Stripe's API address; a local stand-in's in development and tests
 * @param pageBaseUrl    where buyers reach this service: the card page is served at {@code <pageBaseUrl>/payments/card/<ref>}
 * @param jsUrl          Stripe.js, which the card page loads
 * @param tolerance      how old a webhook's signed timestamp may be (Stripe's default: 300 s)
 * @param connectTimeout the API client's connect timeout
 * @param readTimeout    the API client's read timeout
 */
@ConfigurationProperties("ocop.stripe")
public record StripeConfiguration(
        @NotBlank String secretKey,
        @NotBlank String publishableKey,
        @NotBlank String webhookSecret,
        @NotBlank String apiBase,
        @NotBlank String pageBaseUrl,
        @NotBlank String jsUrl,
        Duration tolerance,
        Duration connectTimeout,
        Duration readTimeout) {

    /**
     * Card payments are offered only with {@code ocop.stripe.enabled: true} ({@code OCOP_STRIPE_ENABLED}): Stripe does not
     * onboard merchants based in Vietnam, so cards are for an operator with a foreign entity. Off, CARD sessions are not
     * opened (orders must not offer CARD then either), and the card page and webhook do not exist.
     */
    public static final String ENABLED = "ocop.stripe.enabled";

    /** The buyer's card page of a session. */
    String pageUrl(String txnRef) {
        return (pageBaseUrl.endsWith("/") ? pageBaseUrl.substring(0, pageBaseUrl.length() - 1) : pageBaseUrl)
                + "/payments/card/" + txnRef;
    }
}
