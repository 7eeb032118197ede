package vn.ocop.payments.vietqr;

import jakarta.inject.Singleton;
import vn.ocop.payments.api.PaymentMethod;
import vn.ocop.payments.api.PaymentSessionOpened.Kind;
import vn.ocop.payments.api.PaymentSessionOpened.PaymentAction;
import vn.ocop.payments.session.NewSession;
import vn.ocop.payments.session.PaymentGateway;

/**
 * Opens VietQR sessions: the buyer scans a dynamic QR code in any Vietnamese banking app and transfers the checkout's
 * amount to the platform's collection account, with the session's reference as the purpose. Nothing is called: the
 * bank's notification of the transfer settles the session. The action carries the QR text and the URL of its PNG.
 */
@Singleton
class VietQrGateway implements PaymentGateway {

    private final VietQrConfiguration config;

    VietQrGateway(VietQrConfiguration config) {
        this.config = config;
    }

    @Override
    public PaymentMethod method() {
        return PaymentMethod.VIETQR;
    }

    @Override
    public PaymentAction actionFor(NewSession session) {
        return new PaymentAction(Kind.QR, config.qrImageUrl(session.txnRef()), payload(session.txnRef(), session.amountVnd()));
    }

    /** The QR text asking for {@code amountVnd} to the collection account for the session {@code txnRef}. */
    String payload(String txnRef, long amountVnd) {
        return VietQrPayload.of(config.bankBin(), config.accountNumber(), amountVnd, References.purpose(txnRef));
    }
}
