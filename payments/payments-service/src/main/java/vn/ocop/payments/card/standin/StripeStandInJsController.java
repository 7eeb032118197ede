package vn.ocop.payments.card.standin;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.util.StringUtils;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;

/**
 * The stand-in's Stripe.js ({@code <this service>/stripe-standin/v3/}; set {@code ocop.stripe.js-url} to it), for paying
 * on our card page with no internet: the same calls our page makes on Stripe.js ({@code Stripe(pk)},
 * {@code elements({clientSecret}).create('payment').mount(..)}, {@code confirmPayment(..)}), showing a choice of
 * Stripe's two test cards instead of a card form and confirming with the publishable key and the client secret, as
 * Stripe.js does. It never asks for a card number.
 */
@Hidden
@Controller("/stripe-standin")
@Secured(SecurityRule.IS_ANONYMOUS)
@Requires(property = StripeStandInConfiguration.ENABLED, value = StringUtils.TRUE)
class StripeStandInJsController {

    static final String SCRIPT = """
            (function () {
              var base = document.currentScript.src.replace(/\\/v3\\/?(\\?.*)?$/, '');
              window.Stripe = function (publishableKey) {
                return {
                  elements: function (options) {
                    return {
                      clientSecret: options.clientSecret,
                      create: function () {
                        return {
                          mount: function (selector) {
                            document.querySelector(selector).innerHTML =
                              '<p><strong>Stripe stand-in</strong></p>'
                              + '<label><input type="radio" name="standin-card" value="pm_card_visa" checked> '
                              + 'Visa 4242 (paid)</label><br>'
                              + '<label><input type="radio" name="standin-card" value="pm_card_chargeDeclined"> '
                              + 'Visa 0002 (declined)</label>';
                          }
                        };
                      }
                    };
                  },
                  confirmPayment: function (options) {
                    var secret = options.elements.clientSecret;
                    var id = secret.split('_secret_')[0];
                    var card = document.querySelector('input[name=standin-card]:checked').value;
                    return fetch(base + '/v1/payment_intents/' + encodeURIComponent(id) + '/confirm', {
                      method: 'POST',
                      headers: {'Authorization': 'Bearer ' + publishableKey,
                                'Content-Type': 'application/x-www-form-urlencoded'},
                      body: 'payment_method=' + encodeURIComponent(card) + '&client_secret=' + encodeURIComponent(secret)
                    }).then(function (response) { return response.json(); }).then(function (intent) {
                      if (intent.error) { return {error: intent.error}; }
                      if (intent.status !== 'succeeded') {
                        return {error: intent.last_payment_error || {message: 'The payment failed.'}};
                      }
                      window.location.href = options.confirmParams.return_url;
                      return {};
                    });
                  }
                };
              };
            })();
            """;

    @Get(uri = "/v3/", produces = "text/javascript;charset=utf-8")
    String stripeJs() {
        return SCRIPT;
    }
}
