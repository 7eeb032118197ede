package vn.ocop.payments.vnpay.standin;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.util.StringUtils;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import vn.ocop.payments.vnpay.VnPayApiAnswer;
import vn.ocop.payments.vnpay.VnPayQueryRequest;
import vn.ocop.payments.vnpay.VnPayRefundRequest;

/**
 * A local stand-in for VNPay's merchant API ({@code POST <base>/merchant_webapi/api/transaction}, JSON): querydr and
 * refund, told apart by {@code vnp_Command} as VNPay does. The base is the stand-in's ({@code <this service>/vnpay-standin}),
 * so that the API URL derived from a pay URL pointing at the stand-in's payment page points here. Answers HTTP 200 with
 * VNPay's code, as VNPay does (a command it does not serve, or a body that is no request: 03, as a refund). Off unless
 * {@code ocop.vnpay.standin.enabled} is true; never enable it in production.
 */
@Hidden
@Controller("/vnpay-standin")
@Secured(SecurityRule.IS_ANONYMOUS)
@Requires(property = StandInConfiguration.ENABLED, value = StringUtils.TRUE)
class VnPayStandInApiController {

    private final StandInRefunds refunds;
    private final StandInQueries queries;
    private final JsonMapper json;

    VnPayStandInApiController(StandInRefunds refunds, StandInQueries queries, JsonMapper json) {
        this.refunds = refunds;
        this.queries = queries;
        this.json = json;
    }

    @Post(uri = "/merchant_webapi/api/transaction", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    VnPayApiAnswer transaction(@Body @Nullable JsonNode body) throws IOException {
        JsonNode command = body == null || !body.isObject() ? null : body.get("vnp_Command");
        if (command != null && command.isString() && VnPayQueryRequest.COMMAND.equals(command.getStringValue())) {
            return queries.answer(json.readValueFromTree(body, VnPayQueryRequest.class));
        }
        return refunds.answer(body == null || !body.isObject() ? null : json.readValueFromTree(body, VnPayRefundRequest.class));
    }
}
