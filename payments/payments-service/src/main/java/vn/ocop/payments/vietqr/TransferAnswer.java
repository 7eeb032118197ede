package vn.ocop.payments.vietqr;

import io.micronaut.serde.annotation.Serdeable;
import vn.ocop.payments.session.PaymentSession;

/**
 * What a source is answered for a transfer applied to a session (HTTP 200), the same for every copy of it.
 *
 * @param transactionId  the bank's transaction id
 * @param outcome        what the transfer did: {@code PARTIAL}, {@code PAID}, {@code OVERPAID}, {@code EXCESS},
 *                       {@code LATE} or {@code HELD}
 * @param replay         whether this transaction had been notified before (and so changed nothing now)
 * @param reference      the session's reference
 * @param checkoutNumber the checkout paid
 * @param state          the session's state now
 * @param amountVnd      what the session asks for
 * @param receivedVnd    what it has received so far, all transfers together
 * @param remainingVnd   what is still to pay (0 once paid)
 * @param excessVnd      what this transfer brought beyond the amount, to be refunded
 */
@Serdeable
record TransferAnswer(String transactionId, String outcome, boolean replay, String reference, String checkoutNumber,
                      String state, long amountVnd, long receivedVnd, long remainingVnd, long excessVnd) {

    static TransferAnswer of(TransferSettlement.Settled settled) {
        BankTransfer transfer = settled.transfer();
        PaymentSession session = settled.session();
        return new TransferAnswer(transfer.transactionId(), transfer.outcome(), settled.replay(), session.txnRef(),
                session.checkoutNumber(), session.state().name(), session.amountVnd(), session.receivedVnd(),
                Math.max(session.amountVnd() - session.receivedVnd(), 0), transfer.excessVnd());
    }
}
