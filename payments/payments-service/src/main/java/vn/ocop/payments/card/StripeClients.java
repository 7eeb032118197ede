package vn.ocop.payments.card;

import com.stripe.StripeClient;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.util.StringUtils;
import jakarta.inject.Singleton;

/** The Stripe API client, with the secret key and API address of {@link StripeConfiguration}. */
@Factory
@Requires(property = StripeConfiguration.ENABLED, value = StringUtils.TRUE)
class StripeClients {

    @Singleton
    StripeClient stripeClient(StripeConfiguration config) {
        return StripeClient.builder()
                .setApiKey(config.secretKey())
                .setApiBase(config.apiBase())
                .setConnectTimeout(Math.toIntExact(config.connectTimeout().toMillis()))
                .setReadTimeout(Math.toIntExact(config.readTimeout().toMillis()))
                .build();
    }
}
