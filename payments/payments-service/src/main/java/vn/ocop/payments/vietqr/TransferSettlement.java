package vn.ocop.payments.vietqr;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.ocop.payments.api.PaymentMethod;
import vn.ocop.payments.refund.ExcessRefunds;
import vn.ocop.payments.session.PaymentSession;
import vn.ocop.payments.session.PaymentSessions;
import vn.ocop.payments.session.ProviderResult;
import vn.ocop.payments.session.Receipt;
import vn.ocop.platform.event.Ids;
import vn.ocop.platform.outbox.Outbox;
import vn.ocop.platform.problem.ProblemException;

/**
 * Applies an authentic transfer notification in one transaction: the session its description names is locked (as an
 * IPN or a cancellation locks it, by its reference), then the bank transaction is looked up, so a notification sent
 * again, even at the same moment, finds the first one's row and changes nothing. The transfer is added to the session
 * ({@link PaymentSession#receive}); its success is announced once; an excess is recorded as a refund; the transfer's row
 * says what it did. A transfer naming no session of ours is kept {@code UNMATCHED}. Two copies of an unmatched transfer
 * racing each other collide on the table's unique key, and the loser's retry finds the winner's row.
 */
@Singleton
class TransferSettlement {

    private static final Logger LOG = LoggerFactory.getLogger(TransferSettlement.class);

    private final PaymentSessions sessions;
    private final BankTransfers transfers;
    private final ExcessRefunds excess;
    private final Outbox outbox;
    private final Clock clock;

    TransferSettlement(PaymentSessions sessions, BankTransfers transfers, ExcessRefunds excess, Outbox outbox, Clock clock) {
        this.sessions = sessions;
        this.transfers = transfers;
        this.excess = excess;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    Settled settle(String source, TransferNotice.Transfer transfer) {
        List<String> candidates = References.candidates(transfer.description());
        // a locking read first: the plain read of the transaction below then sees every transfer committed before the lock
        Optional<PaymentSession> session = candidates.stream()
                .map(ref -> sessions.findByTxnRefForUpdate(ref).filter(s -> s.method() == PaymentMethod.VIETQR))
                .flatMap(Optional::stream)
                .findFirst();
        Optional<BankTransfer> known = transfers.findBySourceAndTransactionId(source, transfer.transactionId());
        if (known.isPresent()) {
            if (!known.get().sameAs(transfer)) {
                throw ProblemException.conflict("transfer_conflict",
                        "Transaction {0} was already notified with another amount, description or account", transfer.transactionId());
            }
            return new Settled(known.get(), known.get().sessionId() == null ? null
                    : sessions.findById(known.get().sessionId()).orElse(null), true);
        }
        Instant now = clock.instant();
        if (session.isEmpty()) {
            BankTransfer unmatched = transfers.save(row(source, transfer, null, candidates.isEmpty() ? null : candidates.getFirst(),
                    BankTransfer.UNMATCHED, 0, null, now));
            LOG.warn("transfer {} from {} of {} VND names no VietQR session ({}); kept unmatched for an administrator",
                    transfer.transactionId(), source, transfer.amountVnd(), candidates);
            return new Settled(unmatched, null, false);
        }
        PaymentSession before = session.get();
        Receipt receipt = before.receive(transfer.amountVnd(), new ProviderResult(transfer.transactionId(), null, source),
                transfer.transferredAt(), now);
        PaymentSession after = receipt.session();
        if (after != before) {
            sessions.update(after);
        }
        receipt.announcement().ifPresent(t -> outbox.publish(t.eventType(), t.eventVersion(), after.id().toString(), t.event()));
        UUID refundId = receipt.excessVnd() > 0 ? excess.record(after, receipt.excessVnd(), "VietQR transfer "
                + transfer.transactionId() + " brought " + receipt.excessVnd() + " VND more than payment " + after.txnRef()
                + " asked for") : null;
        BankTransfer applied = transfers.save(row(source, transfer, after.id(), after.txnRef(), receipt.outcome().name(),
                receipt.excessVnd(), refundId, now));
        LOG.info("transfer {} from {} of {} VND for checkout {} ({}): {}; received {} of {} VND", transfer.transactionId(), source,
                transfer.amountVnd(), after.checkoutNumber(), after.txnRef(), receipt.outcome(), after.receivedVnd(), after.amountVnd());
        return new Settled(applied, after, false);
    }

    private static BankTransfer row(String source, TransferNotice.Transfer transfer, @Nullable UUID sessionId, @Nullable String txnRef,
                                    String outcome, long excessVnd, @Nullable UUID refundId, Instant now) {
        return new BankTransfer(Ids.newId(), source, transfer.transactionId(), transfer.amountVnd(), transfer.description(),
                transfer.accountNumber(), transfer.counterAccountNumber(), transfer.counterAccountName(), transfer.counterBank(),
                transfer.transferredAt(), sessionId, txnRef, outcome, excessVnd, refundId, now);
    }

    /**
     * A transfer as recorded, the session it was applied to (as it is now), and whether it had been notified before.
     */
    record Settled(BankTransfer transfer, @Nullable PaymentSession session, boolean replay) {
    }
}
