package vn.ocop.payments.refund;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.ocop.payments.session.PaymentSession;
import vn.ocop.platform.event.Ids;

/**
 * Flags money a provider took beyond a payment's amount for refund, inside the caller's transaction: a refund row the
 * {@link RefundWorker} sends like any other (no order is cancelled, so it names none). Orders is not asked: the excess
 * was never part of the checkout. The caller holds the captured session's lock and has already added the excess to what
 * the session received, so orders' own refunds of the payment still fit within it.
 */
@Singleton
public class ExcessRefunds {

    private static final Logger LOG = LoggerFactory.getLogger(ExcessRefunds.class);

    private final Refunds refunds;
    private final Clock clock;

    ExcessRefunds(Refunds refunds, Clock clock) {
        this.refunds = refunds;
        this.clock = clock;
    }

    /** Records a refund of {@code amountVnd} of the captured {@code session}; returns its id. */
    public UUID record(PaymentSession session, long amountVnd, String reason) {
        if (amountVnd <= 0 || session.capturedCheckoutId() == null) {
            throw new IllegalArgumentException("an excess of " + amountVnd + " VND on payment " + session.txnRef()
                    + " (" + session.state() + ") cannot be refunded");
        }
        UUID id = Ids.newId();
        refunds.save(Refund.excess(id, session, amountVnd, reason, clock.instant()));
        LOG.warn("payment {} of checkout {} received {} VND too much; refund {} recorded", session.txnRef(),
                session.checkoutNumber(), amountVnd, id);
        return id;
    }
}
