package vn.ocop.payments.ledger;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.ocop.platform.problem.ProblemException;
import vn.ocop.platform.security.Caller;
import vn.ocop.platform.security.Roles;
import vn.ocop.platform.time.VietnamTime;

/**
 * What a seller (or an administrator) reads of the ledger: balances, and entries newest first. A seller reads only its
 * own: money is between the seller and the platform, so helpers and officers do not see it here.
 */
@Singleton
class LedgerQueries {

    static final int MAX_LIMIT = 100;

    private final Journal journal;
    private final Sql sql;

    LedgerQueries(Journal journal, Sql sql) {
        this.journal = journal;
        this.sql = sql;
    }

    /** A seller's balances. */
    @Serdeable
    record Balance(UUID sellerId, long pendingVnd, long availableVnd, long owedVnd, long payableVnd) {
    }

    /** One line of an entry: the account (a seller's by kind alone) and its side. */
    @Serdeable
    record LineView(String account, long debitVnd, long creditVnd) {
    }

    /** One entry, with times also in Viet Nam's time. */
    @Serdeable
    record EntryView(UUID id, String type, String reference, @Nullable UUID orderId, long amountVnd, String description,
                     Instant occurredAt, OffsetDateTime occurredAtLocal, Instant recordedAt, List<LineView> lines) {
    }

    /** A page of entries, newest first; pass {@code nextCursor} as {@code cursor} for the next (null on the last). */
    @Serdeable
    record EntryPage(List<EntryView> items, @Nullable String nextCursor) {
    }

    @Transactional(readOnly = true)
    Balance balance(Caller caller, UUID sellerId) {
        requireReader(caller, sellerId);
        SellerBalances b = journal.balances(sellerId);
        return new Balance(sellerId, b.pendingVnd(), b.availableVnd(), b.owedVnd(), b.payableVnd());
    }

    @Transactional(readOnly = true)
    EntryPage entries(Caller caller, UUID sellerId, @Nullable String cursor, int limit) {
        requireReader(caller, sellerId);
        long before = decode(cursor);
        record Row(long seq, UUID id, String type, String reference, UUID orderId, long amount, String description,
                   Instant occurredAt, Instant recordedAt) {
        }
        List<Row> rows = sql.list("SELECT seq, id, entry_type, reference, order_id, amount_vnd, description, occurred_at, recorded_at "
                        + "FROM ledger_entries WHERE seller_id = ? AND seq < ? ORDER BY seq DESC LIMIT ?",
                rs -> new Row(rs.getLong("seq"), Sql.uuid(rs, "id"), rs.getString("entry_type"), rs.getString("reference"),
                        Sql.uuid(rs, "order_id"), rs.getLong("amount_vnd"), rs.getString("description"),
                        Sql.instant(rs, "occurred_at"), Sql.instant(rs, "recorded_at")),
                sellerId, before, limit + 1);
        boolean more = rows.size() > limit;
        List<Row> page = more ? rows.subList(0, limit) : rows;
        Map<UUID, List<LineView>> lines = new LinkedHashMap<>();
        if (!page.isEmpty()) {
            String marks = String.join(", ", page.stream().map(r -> "?").toList());
            sql.list("SELECT entry_id, account_kind, debit_vnd, credit_vnd FROM ledger_lines WHERE entry_id IN (" + marks + ") "
                            + "ORDER BY entry_id, line_no",
                    rs -> lines.computeIfAbsent(Sql.uuid(rs, "entry_id"), id -> new ArrayList<>())
                            .add(new LineView(rs.getString("account_kind"), rs.getLong("debit_vnd"), rs.getLong("credit_vnd"))),
                    page.stream().map(Row::id).toArray());
        }
        List<EntryView> items = page.stream().map(r -> new EntryView(r.id(), r.type(), r.reference(), r.orderId(), r.amount(),
                r.description(), r.occurredAt(), r.occurredAt().atZone(VietnamTime.ZONE).toOffsetDateTime(), r.recordedAt(),
                lines.getOrDefault(r.id(), List.of()))).toList();
        return new EntryPage(items, more ? Long.toString(page.getLast().seq()) : null);
    }

    /** The seller itself or an administrator; anyone else is refused. */
    private static void requireReader(Caller caller, UUID sellerId) {
        if (!caller.has(Roles.ADMIN) && !(caller.has(Roles.SELLER) && caller.accountId().equals(sellerId))) {
            throw ProblemException.forbidden("ledger_seller_only", "Only the seller itself (or an administrator) reads its ledger");
        }
    }

    private static long decode(@Nullable String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return Long.MAX_VALUE;
        }
        try {
            long seq = Long.parseLong(cursor);
            if (seq > 0) {
                return seq;
            }
        } catch (NumberFormatException e) {
            // falls through to the refusal
        }
        throw ProblemException.invalidField("cursor", "is not a cursor of this list");
    }
}
