package vn.ocop.payments.vietqr;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.regex.Pattern;
import vn.ocop.payments.api.PaymentMethod;
import vn.ocop.payments.session.PaymentSession;
import vn.ocop.payments.session.PaymentSessions;
import vn.ocop.platform.problem.ProblemException;
import vn.ocop.platform.time.VietnamTime;

/**
 * What the buyer sees of a VietQR payment, by its reference (16 random characters, known only to whoever has the QR):
 * the QR image and how much has arrived so far. While the session is open the QR asks for what is still to pay, so a
 * buyer who sent too little scans it again for the rest.
 */
@Controller("/payments/vietqr")
@Secured(SecurityRule.IS_ANONYMOUS)
class VietQrController {

    private static final Pattern REFERENCE = Pattern.compile("[0-9A-Z]{16}");

    private final PaymentSessions sessions;
    private final VietQrGateway gateway;
    private final VietQrConfiguration config;

    VietQrController(PaymentSessions sessions, VietQrGateway gateway, VietQrConfiguration config) {
        this.sessions = sessions;
        this.gateway = gateway;
        this.config = config;
    }

    @Operation(summary = "A VietQR payment: the account to pay, the amount, what has arrived so far, and the QR while open")
    @Get(uri = "/{reference}", produces = MediaType.APPLICATION_JSON)
    Status status(@PathVariable String reference) {
        PaymentSession session = session(reference);
        long remaining = Math.max(session.amountVnd() - session.receivedVnd(), 0);
        boolean payable = session.isOpen() && remaining > 0;
        return new Status(session.txnRef(), session.checkoutNumber(), session.state().name(), session.amountVnd(),
                session.receivedVnd(), remaining, config.bankBin(), config.accountNumber(), config.accountName(),
                References.purpose(session.txnRef()), payable ? gateway.payload(session.txnRef(), remaining) : null,
                payable ? config.qrImageUrl(session.txnRef()) : null, session.expiresAt(),
                session.expiresAt().atZone(VietnamTime.ZONE).toOffsetDateTime());
    }

    @Operation(summary = "The QR code to scan in a banking app (PNG), for what is still to pay; 410 once the payment is closed")
    @Get(uri = "/{reference}/qr.png", produces = "image/png")
    HttpResponse<byte[]> qr(@PathVariable String reference) {
        PaymentSession session = session(reference);
        long remaining = session.amountVnd() - session.receivedVnd();
        if (!session.isOpen() || remaining <= 0) {
            throw new ProblemException(HttpStatus.GONE, "payment_closed", "Payment {0} is {1}: there is nothing to pay by this code",
                    session.txnRef(), session.state());
        }
        return HttpResponse.ok(QrPng.of(gateway.payload(session.txnRef(), remaining)))
                .contentType("image/png")
                .header("Cache-Control", "no-store");
    }

    private PaymentSession session(String reference) {
        return (REFERENCE.matcher(reference).matches() ? sessions.findByTxnRef(reference) : Optional.<PaymentSession>empty())
                .filter(s -> s.method() == PaymentMethod.VIETQR)
                .orElseThrow(() -> ProblemException.notFound("unknown_vietqr_payment", "There is no VietQR payment {0}", reference));
    }

    /**
     * A VietQR payment as the buyer sees it.
     *
     * @param reference       the session's reference (in the transfer's purpose)
     * @param state           the session's state
     * @param amountVnd       what the checkout costs
     * @param receivedVnd     what has arrived so far, all transfers together
     * @param remainingVnd    what is still to pay
     * @param purpose         the purpose to write when transferring by hand
     * @param qrPayload       the QR text for what is still to pay; null once nothing is
     * @param qrImageUrl      its PNG; null once nothing is to pay
     * @param expiresAt       when the payment stops being accepted
     * @param expiresAtLocal  the same, in Viet Nam's time
     */
    @Serdeable
    record Status(String reference, String checkoutNumber, String state, long amountVnd, long receivedVnd, long remainingVnd,
                  String bankBin, String accountNumber, String accountName, String purpose, @Nullable String qrPayload,
                  @Nullable String qrImageUrl, Instant expiresAt, OffsetDateTime expiresAtLocal) {
    }
}
