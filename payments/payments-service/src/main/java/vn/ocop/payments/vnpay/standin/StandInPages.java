package vn.ocop.payments.vnpay.standin;

import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.util.StringUtils;
import jakarta.inject.Singleton;
import java.util.Locale;
import vn.ocop.payments.vnpay.Html;

/** The stand-in's pages: the payment page with its "pay" and "cancel" links, and refusals. */
@Singleton
@Requires(property = StandInConfiguration.ENABLED, value = StringUtils.TRUE)
class StandInPages {

    private final MessageSource messages;

    StandInPages(MessageSource messages) {
        this.messages = messages;
    }

    String payment(PayRequest request, String payLink, String cancelLink) {
        Locale locale = request.english() ? Locale.ENGLISH : Html.VIETNAMESE;
        String title = text("standin.title", locale);
        String body = "<h1>" + Html.escape(title) + "</h1>\n"
                + "<p>" + Html.escape(text("standin.notice", locale)) + "</p>\n"
                + "<p>" + Html.escape(text("standin.order", locale, request.params().get("vnp_OrderInfo"))) + "<br>\n"
                + Html.escape(text("standin.amount", locale, Html.money(request.amountVnd(), locale))) + "<br>\n"
                + Html.escape(text("standin.merchant", locale, request.params().get("vnp_TmnCode"))) + "</p>\n"
                + "<p><a id=\"pay\" class=\"button\" href=\"" + Html.escape(payLink) + "\">"
                + Html.escape(text("standin.pay", locale)) + "</a>\n"
                + "<a id=\"cancel\" class=\"button\" href=\"" + Html.escape(cancelLink) + "\">"
                + Html.escape(text("standin.cancel", locale)) + "</a></p>\n"
                + "<p>" + Html.escape(text("standin.pay_link", locale)) + "<br>\n<code id=\"pay-link\">" + Html.escape(payLink)
                + "</code></p>";
        return Html.page(locale, title, body);
    }

    String refusal(String reason, Locale locale) {
        String title = text("standin.title", locale);
        return Html.page(locale, title, "<h1 class=\"failed\">" + Html.escape(title) + "</h1>\n<p>"
                + Html.escape(text("standin.refused." + reason, locale)) + "</p>");
    }

    private String text(String code, Locale locale, Object... args) {
        return messages.getMessage(code, locale, args).orElse(code);
    }
}
