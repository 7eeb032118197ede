package vn.ocop.payments.vnpay.standin;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.util.StringUtils;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.Locale;
import vn.ocop.payments.vnpay.Html;
import vn.ocop.payments.vnpay.VnPayConfiguration;

/**
 * A local stand-in for VNPay's payment page, for development and tests with no internet: point
 * {@code ocop.vnpay.pay-url} at {@code <this service>/vnpay-standin/paymentv2/vpcpay.html}, open a session's pay URL,
 * and follow the "pay" link (also in the {@code Link} header) or the "cancel" link. Off unless
 * {@code ocop.vnpay.standin.enabled} is true; never enable it in production.
 */
@Hidden
@Controller("/vnpay-standin")
@Secured(SecurityRule.IS_ANONYMOUS)
@Requires(property = StandInConfiguration.ENABLED, value = StringUtils.TRUE)
class VnPayStandInController {

    static final String PAY_PAGE = "/paymentv2/vpcpay.html";

    private final PayRequestChecks checks;
    private final StandInLedger ledger;
    private final StandInPayments payments;
    private final StandInPages pages;
    private final String base;

    VnPayStandInController(PayRequestChecks checks, StandInLedger ledger, StandInPayments payments, StandInPages pages,
                           VnPayConfiguration merchant) {
        this.checks = checks;
        this.ledger = ledger;
        this.payments = payments;
        this.pages = pages;
        String payUrl = merchant.payUrl();
        this.base = payUrl.endsWith(PAY_PAGE) ? payUrl.substring(0, payUrl.length() - PAY_PAGE.length()) : "/vnpay-standin";
    }

    @Get(uri = PAY_PAGE, produces = Html.CONTENT_TYPE)
    HttpResponse<String> paymentPage(HttpRequest<?> request) {
        var checked = checks.check(request.getParameters());
        if (checked.request().isEmpty()) {
            Locale locale = Html.locale(request.getParameters().get("vnp_Locale"));
            return HttpResponse.<String>status(HttpStatus.BAD_REQUEST).body(pages.refusal(checked.refusal(), locale));
        }
        PayRequest payRequest = checked.request().get();
        var tokens = ledger.issue(payRequest);
        String payLink = base + "/pay?token=" + tokens.pay();
        return HttpResponse.ok(pages.payment(payRequest, payLink, base + "/pay?token=" + tokens.cancel()))
                .header(HttpHeaders.LINK, "<" + payLink + ">; rel=\"payment\"");
    }

    @Get(uri = "/pay", produces = Html.CONTENT_TYPE)
    HttpResponse<String> pay(@QueryValue @Nullable String token, HttpRequest<?> request) {
        return ledger.redeem(token)
                .<HttpResponse<String>>map(ticket -> HttpResponse.<String>status(HttpStatus.FOUND)
                        .header(HttpHeaders.LOCATION, payments.complete(ticket).toString()))
                .orElseGet(() -> HttpResponse.<String>status(HttpStatus.NOT_FOUND)
                        .body(pages.refusal("unknown", Html.locale(request.getParameters().get("lang")))));
    }
}
