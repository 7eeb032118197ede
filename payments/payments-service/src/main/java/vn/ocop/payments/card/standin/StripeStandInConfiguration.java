package vn.ocop.payments.card.standin;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.util.StringUtils;
import jakarta.validation.constraints.NotBlank;

/**
 * Settings of the local Stripe stand-in ({@code ocop.stripe.standin.*}); it exists only with {@code enabled: true}.
 *
 * @param enabled    serve the stand-in in this instance (never in production)
 * @param webhookUrl our webhook endpoint, which Stripe keeps in the account's settings rather than in any request
 */
@ConfigurationProperties("ocop.stripe.standin")
@Requires(property = StripeStandInConfiguration.ENABLED, value = StringUtils.TRUE)
public record StripeStandInConfiguration(
        boolean enabled,
        @NotBlank String webhookUrl) {

    public static final String ENABLED = "ocop.stripe.standin.enabled";
}
