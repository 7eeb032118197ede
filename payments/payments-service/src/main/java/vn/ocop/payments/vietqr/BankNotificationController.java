package vn.ocop.payments.vietqr;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;

/**
 * Where banks (or an aggregator watching the collection account) notify transfers to it; public, authenticated by each
 * source's HMAC-SHA256 signature of the raw body.
 */
@Controller("/payments/vietqr")
@Secured(SecurityRule.IS_ANONYMOUS)
class BankNotificationController {

    static final String SOURCE = "X-VietQR-Source";
    static final String SIGNATURE = "X-VietQR-Signature";

    private final BankNotifications notifications;

    BankNotificationController(BankNotifications notifications) {
        this.notifications = notifications;
    }

    @Operation(summary = "A credit to the collection account: applied to the session its description names; "
            + "problem+json when unsigned, forged, unreadable, invalid or naming no payment (kept unmatched)")
    @Post(uri = "/notifications", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    TransferAnswer notify(@Header(SOURCE) @Nullable String source, @Header(SIGNATURE) @Nullable String signature,
                          @Body @Nullable byte[] body) {
        return notifications.receive(source, signature, body == null ? new byte[0] : body);
    }
}
