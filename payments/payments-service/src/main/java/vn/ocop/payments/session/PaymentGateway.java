package vn.ocop.payments.session;

import vn.ocop.payments.api.PaymentMethod;
import vn.ocop.payments.api.PaymentSessionOpened.PaymentAction;

/** A payment provider that can open sessions: it says what the buyer does to pay (a redirect, a QR code). */
public interface PaymentGateway {

    /** The method this gateway serves. */
    PaymentMethod method();

    /** The buyer's action for a new session; must not call out to the provider inside the caller's transaction. */
    PaymentAction actionFor(NewSession session);
}
