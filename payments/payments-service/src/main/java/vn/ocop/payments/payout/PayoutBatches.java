package vn.ocop.payments.payout;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.ocop.payments.api.PayoutPaid;
import vn.ocop.payments.ledger.Account;
import vn.ocop.payments.ledger.Journal;
import vn.ocop.payments.ledger.JournalEntry;
import vn.ocop.payments.ledger.SellerBalances;
import vn.ocop.payments.ledger.Sql;
import vn.ocop.platform.event.Ids;
import vn.ocop.platform.outbox.Outbox;
import vn.ocop.platform.problem.ProblemException;

/**
 * Payout batches: one per cut-off, made in one transaction. Each seller whose available balance, counting only the
 * entries recorded by the cut-off, exceeds what it owes the platform is paid the difference (never more than it has
 * available now), to the payout account catalog last gave; one without a payout account is skipped and listed. Each
 * payout posts its journal entry (D SELLER_AVAILABLE, C SELLER_RECEIVABLE for what was owed, C PAYOUTS for what is sent)
 * and publishes {@link PayoutPaid} with it. A batch for a cut-off that already has one pays nothing: it is the same
 * batch. The seller's balance rows stay locked until the batch commits, so a posting for that seller waits for it.
 *
 * <p>The batch is the transfer order: its CSV is what the bank imports, and the payout counts as paid when the batch is
 * made (there is no bank confirmation to wait for here).
 */
@Singleton
class PayoutBatches {

    private static final Logger LOG = LoggerFactory.getLogger(PayoutBatches.class);
    private static final char[] CODE = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Sql sql;
    private final Journal journal;
    private final Outbox outbox;
    private final Clock clock;

    PayoutBatches(Sql sql, Journal journal, Outbox outbox, Clock clock) {
        this.sql = sql;
        this.journal = journal;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** A batch and whether this call made it. */
    record Run(UUID batchId, boolean created) {
    }

    /** Makes the batch for {@code cutoff}, or finds the one made before. */
    @Transactional
    Run run(Instant cutoff, @Nullable UUID requestedBy) {
        Instant now = clock.instant();
        Instant at = cutoff.truncatedTo(ChronoUnit.MICROS);
        if (at.isAfter(now)) {
            throw ProblemException.unprocessable("payout_cutoff_in_future", "The cut-off {0} is in the future", cutoff);
        }
        Optional<UUID> existing = find(at);
        if (existing.isPresent()) {
            return new Run(existing.get(), false);
        }
        UUID batchId = Ids.newId();
        sql.update("INSERT INTO payout_batches (id, cutoff, payouts, total_vnd, requested_by, created_at) VALUES (?, ?, 0, 0, ?, ?)",
                batchId, at, requestedBy, now);
        List<UUID> sellers = sql.list("SELECT seller_id FROM ledger_balances WHERE account_kind = 'SELLER_AVAILABLE' "
                + "AND balance_vnd < 0 ORDER BY seller_id", rs -> Sql.uuid(rs, "seller_id"));
        int count = 0;
        long total = 0;
        for (UUID seller : sellers) {
            long paid = pay(batchId, seller, at, now);
            if (paid > 0) {
                count++;
                total += paid;
            }
        }
        sql.update("UPDATE payout_batches SET payouts = ?, total_vnd = ? WHERE id = ?", count, total, batchId);
        LOG.info("payout batch {} for cut-off {}: {} payouts, {} VND", batchId, at, count, total);
        return new Run(batchId, true);
    }

    @Transactional(readOnly = true)
    Optional<UUID> find(Instant cutoff) {
        return sql.one("SELECT id FROM payout_batches WHERE cutoff = ?", rs -> Sql.uuid(rs, "id"), cutoff);
    }

    /** Pays one seller in the batch; returns what was sent (0 when nothing was, or the seller was skipped). */
    private long pay(UUID batchId, UUID seller, Instant cutoff, Instant now) {
        SellerBalances balances = journal.lockedBalances(seller);
        long amount = Math.min(journal.netPayableAsOf(seller, cutoff), balances.payableVnd());
        if (amount <= 0) {
            return 0;
        }
        Optional<PayoutAccount> account = sql.one("SELECT method, institution, account, holder FROM seller_payout_accounts "
                        + "WHERE seller_id = ?",
                rs -> new PayoutAccount(rs.getString("method"), rs.getString("institution"), rs.getString("account"),
                        rs.getString("holder")), seller);
        if (account.isEmpty()) {
            sql.update("INSERT INTO payout_skips (batch_id, seller_id, amount_vnd, reason) VALUES (?, ?, ?, 'NO_PAYOUT_ACCOUNT')",
                    batchId, seller, amount);
            LOG.warn("payout batch {}: seller {} has {} VND to be paid but no payout account; skipped", batchId, seller, amount);
            return 0;
        }
        PayoutAccount to = account.get();
        long netted = balances.owedVnd();
        UUID payoutId = Ids.newId();
        String reference = reference();
        journal.post(JournalEntry.builder(JournalEntry.EntryType.PAYOUT, payoutId.toString(),
                        "Chi trả " + reference + ": " + amount + " đ" + (netted > 0 ? ", đã trừ " + netted + " đ còn nợ" : ""), now)
                .seller(seller)
                .debit(Account.available(seller), amount + netted)
                .credit(Account.receivable(seller), netted)
                .credit(Account.PAYOUTS, amount)
                .build());
        sql.update("INSERT INTO payouts (id, batch_id, seller_id, reference, amount_vnd, netted_vnd, method, institution, account, "
                        + "holder, paid_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", payoutId, batchId, seller, reference, amount,
                netted, to.method(), to.institution(), to.account(), to.holder(), now);
        outbox.publish(PayoutPaid.TYPE, PayoutPaid.VERSION, seller.toString(), new PayoutPaid(payoutId, batchId, seller, amount,
                netted, to.method(), to.institution(), to.masked(), reference, now));
        return amount;
    }

    /** A payout's public reference: {@code PO-} and eight characters of Crockford's base 32. */
    private static String reference() {
        StringBuilder code = new StringBuilder("PO-");
        for (int i = 0; i < 8; i++) {
            code.append(CODE[RANDOM.nextInt(CODE.length)]);
        }
        return code.toString();
    }
}
