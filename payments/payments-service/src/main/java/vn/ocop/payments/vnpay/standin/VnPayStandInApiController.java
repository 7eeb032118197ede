package vn.ocop.payments.vnpay.standin;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.util.StringUtils;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import vn.ocop.payments.vnpay.VnPayApiAnswer;
import vn.ocop.payments.vnpay.VnPayRefundRequest;

/**
 * A local stand-in for VNPay's merchant API ({@code POST <base>/merchant_webapi/api/transaction}, JSON), for refunds:
 * the base is the stand-in's ({@code <this service>/vnpay-standin}), so that the API URL derived from a pay URL pointing
 * at the stand-in's payment page points here. Answers HTTP 200 with VNPay's code, as VNPay does. Off unless
 * {@code ocop.vnpay.standin.enabled} is true; never enable it in production.
 */
@Hidden
@Controller("/vnpay-standin")
@Secured(SecurityRule.IS_ANONYMOUS)
@Requires(property = StandInConfiguration.ENABLED, value = StringUtils.TRUE)
class VnPayStandInApiController {

    private final StandInRefunds refunds;

    VnPayStandInApiController(StandInRefunds refunds) {
        this.refunds = refunds;
    }

    @Post(uri = "/merchant_webapi/api/transaction", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    VnPayApiAnswer transaction(@Body @Nullable VnPayRefundRequest request) {
        return refunds.answer(request);
    }
}
