package vn.ocop.payments.vnpay;

import io.micronaut.context.MessageSource;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import vn.ocop.payments.session.PaymentSession;
import vn.ocop.payments.session.PaymentSessions;

/**
 * Where VNPay sends the buyer's browser back: a small page with the outcome the signed parameters report.
 * It only reads; the IPN alone records payments.
 */
@Controller("/payments/vnpay")
@Secured(SecurityRule.IS_ANONYMOUS)
class VnPayReturnController {

    private final VnPaySigner signer;
    private final VnPayConfiguration config;
    private final PaymentSessions sessions;
    private final ResponseCodes responseCodes;
    private final MessageSource messages;

    VnPayReturnController(VnPaySigner signer, VnPayConfiguration config, PaymentSessions sessions, ResponseCodes responseCodes,
                          MessageSource messages) {
        this.signer = signer;
        this.config = config;
        this.sessions = sessions;
        this.responseCodes = responseCodes;
        this.messages = messages;
    }

    @Operation(summary = "VNPay return URL: the buyer's outcome page (Vietnamese, English with lang=en)")
    @Get(uri = "/return", produces = Html.CONTENT_TYPE)
    HttpResponse<String> returned(HttpRequest<?> request, @QueryValue @Nullable String lang) {
        Locale locale = Html.locale(lang);
        Optional<Map<String, String>> params = VnPayParameters.of(request.getParameters())
                .filter(p -> signer.verify(p) && config.tmnCode().equals(p.get("vnp_TmnCode")));
        if (params.isEmpty()) {
            return HttpResponse.<String>status(HttpStatus.BAD_REQUEST).body(page(locale, "invalid", "failed", ""));
        }
        VnPayResult result = VnPayResult.of(params.get());
        String reference = result.txnRef() == null ? "" : sessions.findByTxnRef(result.txnRef())
                .map(PaymentSession::checkoutNumber).orElse(result.txnRef());
        String amount = amount(result, locale);
        String body = result.successful()
                ? text("vnpay.return.success.text", locale, reference, amount)
                : text("vnpay.return.failed.text", locale, reference, amount, responseCodes.failureReason(result, locale));
        return HttpResponse.ok(page(locale, result.successful() ? "success" : "failed", result.successful() ? "ok" : "failed", body));
    }

    private String page(Locale locale, String outcome, String style, String text) {
        String title = text("vnpay.return." + outcome + ".title", locale);
        String detail = text.isEmpty() ? text("vnpay.return." + outcome + ".text", locale) : text;
        return Html.page(locale, title, "<h1 class=\"" + style + "\">" + Html.escape(title) + "</h1>\n<p>"
                + Html.escape(detail) + "</p>");
    }

    private static String amount(VnPayResult result, Locale locale) {
        try {
            return Html.money(Long.parseLong(result.amount()) / 100, locale);
        } catch (NumberFormatException e) {
            return "";
        }
    }

    private String text(String code, Locale locale, Object... args) {
        return messages.getMessage(code, locale, args).orElse(code);
    }
}
