package vn.ocop.payments.card;

import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.util.StringUtils;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.inject.Named;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.ocop.payments.api.PaymentMethod;
import vn.ocop.payments.session.PaymentSession;
import vn.ocop.payments.session.PaymentSessions;
import vn.ocop.payments.session.SessionState;
import vn.ocop.payments.vnpay.Html;

/**
 * The buyer's card page, where a CARD session's redirect leads: while the session is open, a form that Stripe.js fills
 * with Stripe's card element for the session's PaymentIntent (created on the first visit), so that the card number goes
 * from the browser to Stripe and never to us. Stripe sends the browser back here after the payment; the page then only
 * reports: the webhook alone records payments. The page carries the intent's client secret, so it is never cached.
 */
@Controller("/payments/card")
@Requires(property = StripeConfiguration.ENABLED, value = StringUtils.TRUE)
@Secured(SecurityRule.IS_ANONYMOUS)
class CardPageController {

    private static final Logger LOG = LoggerFactory.getLogger(CardPageController.class);
    private static final Pattern REF = Pattern.compile("[A-Z0-9]{1,32}");

    private final PaymentSessions sessions;
    private final CardIntents intents;
    private final StripeConfiguration config;
    private final MessageSource messages;

    CardPageController(PaymentSessions sessions, CardIntents intents, StripeConfiguration config,
                       @Named("card") MessageSource messages) {
        this.sessions = sessions;
        this.intents = intents;
        this.config = config;
        this.messages = messages;
    }

    @Operation(summary = "The buyer's card page of a CARD session (Vietnamese, English with lang=en)")
    @Get(uri = "/{ref}", produces = Html.CONTENT_TYPE)
    HttpResponse<String> page(@PathVariable String ref, @QueryValue @Nullable String lang) {
        Locale locale = Html.locale(lang);
        Optional<PaymentSession> found = REF.matcher(ref).matches()
                ? sessions.findByTxnRef(ref).filter(s -> s.method() == PaymentMethod.CARD) : Optional.empty();
        if (found.isEmpty()) {
            return respond(HttpStatus.NOT_FOUND, notice(locale, "unknown", "failed"));
        }
        PaymentSession session = found.get();
        String amount = Html.money(session.amountVnd(), locale);
        if (session.state() == SessionState.SUCCEEDED) {
            return respond(HttpStatus.OK, notice(locale, "paid", "ok", session.checkoutNumber(), amount));
        }
        if (!session.isOpen()) {
            return respond(HttpStatus.CONFLICT, notice(locale, "closed", "failed", session.checkoutNumber()));
        }
        PaymentIntent intent;
        try {
            intent = intents.intentFor(session);
        } catch (StripeException e) {
            LOG.warn("card page of session {}: Stripe did not give its PaymentIntent ({}, HTTP {})", session.txnRef(),
                    e.getClass().getSimpleName(), e.getStatusCode());
            return respond(HttpStatus.BAD_GATEWAY, notice(locale, "unavailable", "failed"));
        }
        if ("succeeded".equals(intent.getStatus()) || "processing".equals(intent.getStatus())) {
            return respond(HttpStatus.OK, notice(locale, "processing", "ok", session.checkoutNumber(), amount));
        }
        return respond(HttpStatus.OK, form(locale, session, intent, amount));
    }

    private String form(Locale locale, PaymentSession session, PaymentIntent intent, String amount) {
        String title = text("card.page.pay.title", locale);
        String returnUrl = config.pageUrl(session.txnRef()) + (Locale.ENGLISH.equals(locale) ? "?lang=en" : "");
        String body = "<h1>" + Html.escape(title) + "</h1>\n"
                + "<p>" + Html.escape(text("card.page.pay.text", locale, session.checkoutNumber(), amount)) + "</p>\n"
                + "<form id=\"card-form\" data-publishable-key=\"" + Html.escape(config.publishableKey())
                + "\" data-client-secret=\"" + Html.escape(intent.getClientSecret())
                + "\" data-return-url=\"" + Html.escape(returnUrl)
                + "\" data-locale=\"" + Html.escape(locale.getLanguage()) + "\">\n"
                + "<div id=\"payment-element\"></div>\n"
                + "<button type=\"submit\">" + Html.escape(text("card.page.pay.button", locale, amount)) + "</button>\n"
                + "<p id=\"card-message\" class=\"failed\" role=\"alert\"></p>\n"
                + "</form>\n"
                + "<script src=\"" + Html.escape(config.jsUrl()) + "\"></script>\n"
                + "<script>\n" + SCRIPT + "</script>";
        return Html.page(locale, title, body);
    }

    /** Mounts Stripe's payment element and confirms the payment with it; Stripe then sends the browser back here. */
    private static final String SCRIPT = """
            (function () {
              var form = document.getElementById('card-form');
              var stripe = Stripe(form.dataset.publishableKey, {locale: form.dataset.locale});
              var elements = stripe.elements({clientSecret: form.dataset.clientSecret});
              elements.create('payment').mount('#payment-element');
              form.addEventListener('submit', function (event) {
                event.preventDefault();
                stripe.confirmPayment({elements: elements, confirmParams: {return_url: form.dataset.returnUrl}})
                  .then(function (result) {
                    if (result.error) { document.getElementById('card-message').textContent = result.error.message; }
                  });
              });
            })();
            """;

    private String notice(Locale locale, String outcome, String style, Object... args) {
        String title = text("card.page." + outcome + ".title", locale);
        return Html.page(locale, title, "<h1 class=\"" + style + "\">" + Html.escape(title) + "</h1>\n<p>"
                + Html.escape(text("card.page." + outcome + ".text", locale, args)) + "</p>");
    }

    private static MutableHttpResponse<String> respond(HttpStatus status, String html) {
        return HttpResponse.<String>status(status).body(html)
                .header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer");
    }

    private String text(String code, Locale locale, Object... args) {
        return messages.getMessage(code, locale, args).orElse(code);
    }
}
