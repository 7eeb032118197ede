package vn.ocop.payments.ledger;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import vn.ocop.platform.event.Ids;

/**
 * Writes journal entries, inside the caller's transaction: the entry, its lines, and the balances of the seller
 * accounts it touches (locked in account order, so concurrent postings never deadlock on them). An entry whose type and
 * reference are already posted writes nothing. The schema refuses a seller balance that turns (a seller owed less than
 * nothing), so a posting that would overdraw rolls back with the whole event.
 */
@Singleton
public class Journal {

    private static final String ENTRY = "INSERT INTO ledger_entries (id, entry_type, reference, seller_id, order_id, amount_vnd, "
            + "description, occurred_at, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String LINE = "INSERT INTO ledger_lines (entry_id, line_no, account, account_kind, seller_id, debit_vnd, "
            + "credit_vnd) VALUES (?, ?, ?, ?, ?, ?, ?)";
    /** A seller account's row at zero when it has none (the sign check is on the row inserted, before any update). */
    private static final String OPEN = "INSERT INTO ledger_balances (account, account_kind, seller_id, balance_vnd, updated_at) "
            + "VALUES (?, ?, ?, 0, ?) ON DUPLICATE KEY UPDATE account = account";
    private static final String BALANCE = "UPDATE ledger_balances SET balance_vnd = balance_vnd + ?, updated_at = ? WHERE account = ?";
    private static final int DESCRIPTION = 300;

    private final Sql sql;
    private final Clock clock;

    Journal(Sql sql, Clock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    /** Posts the entry; false (and nothing written) when an entry of its type and reference exists. */
    public boolean post(JournalEntry entry) {
        if (posted(entry.type(), entry.reference())) {
            return false;
        }
        UUID id = Ids.newId();
        Instant now = clock.instant();
        String description = entry.description().length() <= DESCRIPTION ? entry.description()
                : entry.description().substring(0, DESCRIPTION);
        sql.update(ENTRY, id, entry.type(), entry.reference(), entry.sellerId(), entry.orderId(), entry.amountVnd(), description,
                entry.occurredAt(), now);
        Map<Account, Long> deltas = new TreeMap<>();
        int lineNo = 0;
        for (JournalEntry.Line line : entry.lines()) {
            Account account = line.account();
            sql.update(LINE, id, ++lineNo, account.code(), account.kind(), account.sellerId(), line.debitVnd(), line.creditVnd());
            deltas.merge(account, line.debitVnd() - line.creditVnd(), Long::sum);
        }
        deltas.forEach((account, delta) -> {
            if (account.kind().perSeller()) {
                sql.update(OPEN, account.code(), account.kind(), account.sellerId(), now);
                sql.update(BALANCE, delta, now, account.code());
            }
        });
        return true;
    }

    public boolean posted(JournalEntry.EntryType type, String reference) {
        return sql.one("SELECT 1 FROM ledger_entries WHERE entry_type = ? AND reference = ?", rs -> true, type, reference)
                .isPresent();
    }

    /** A seller account's balance (debits minus credits), its row locked until the transaction ends. */
    public long lockedBalance(Account account) {
        return sql.one("SELECT balance_vnd FROM ledger_balances WHERE account = ? FOR UPDATE", rs -> rs.getLong(1), account.code())
                .orElse(0L);
    }

    /**
     * A seller's balances, debits minus credits, with its three rows locked (in account order) until the transaction
     * ends.
     */
    public SellerBalances lockedBalances(UUID sellerId) {
        Map<AccountKind, Long> byKind = new TreeMap<>();
        sql.list("SELECT account_kind, balance_vnd FROM ledger_balances WHERE seller_id = ? ORDER BY account FOR UPDATE",
                rs -> byKind.put(AccountKind.valueOf(rs.getString(1)), rs.getLong(2)), sellerId);
        return SellerBalances.of(byKind);
    }

    /** A seller's balances, read without locks. */
    public SellerBalances balances(UUID sellerId) {
        Map<AccountKind, Long> byKind = new TreeMap<>();
        sql.list("SELECT account_kind, balance_vnd FROM ledger_balances WHERE seller_id = ?",
                rs -> byKind.put(AccountKind.valueOf(rs.getString(1)), rs.getLong(2)), sellerId);
        return SellerBalances.of(byKind);
    }

    /**
     * What a seller could be paid from the entries recorded up to {@code cutoff}: available minus owed, from the lines of
     * those entries (so what became available after the cut-off waits for the next batch).
     */
    public long netPayableAsOf(UUID sellerId, Instant cutoff) {
        return sql.sum("SELECT COALESCE(SUM(l.credit_vnd - l.debit_vnd), 0) FROM ledger_lines l JOIN ledger_entries e ON e.id = l.entry_id "
                + "WHERE l.seller_id = ? AND l.account_kind IN ('SELLER_AVAILABLE', 'SELLER_RECEIVABLE') AND e.recorded_at <= ?",
                sellerId, cutoff);
    }
}
