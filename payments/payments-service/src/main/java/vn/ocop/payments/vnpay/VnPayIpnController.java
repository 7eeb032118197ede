package vn.ocop.payments.vnpay;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;

/** VNPay's server-to-server payment notification (IPN); public, authenticated by its signature. */
@Controller("/payments/vnpay")
@Secured(SecurityRule.IS_ANONYMOUS)
class VnPayIpnController {

    private final VnPayNotifications notifications;

    VnPayIpnController(VnPayNotifications notifications) {
        this.notifications = notifications;
    }

    @Operation(summary = "VNPay IPN: records a payment's outcome and answers {\"RspCode\",\"Message\"} with HTTP 200")
    @Get(uri = "/ipn", produces = MediaType.APPLICATION_JSON)
    IpnAnswer ipn(HttpRequest<?> request) {
        return notifications.receive(request.getParameters(), request.getUri().getRawQuery());
    }
}
