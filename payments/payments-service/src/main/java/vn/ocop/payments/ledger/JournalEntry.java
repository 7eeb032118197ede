package vn.ocop.payments.ledger;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A balanced journal entry: lines whose debits add up to exactly their credits, each line on one side with a positive
 * amount. Built with {@link #builder}; lines of zero are left out, and an entry that is unbalanced or empty cannot be
 * built.
 *
 * @param type      what money event it records
 * @param reference the event's natural key (order id, refund id, payout id): one entry per type and reference
 * @param sellerId  the seller whose accounts it touches, if any
 * @param orderId   the order it is about, if any
 * @param description readable, for the seller's statement
 * @param occurredAt when the money event happened
 * @param lines     the lines, at least two
 */
public record JournalEntry(EntryType type, String reference, @Nullable UUID sellerId, @Nullable UUID orderId,
                           String description, Instant occurredAt, List<Line> lines) {

    /** The money events the ledger records. */
    public enum EntryType { ORDER_PAID, ORDER_COMPLETED, COD_COMMISSION, REFUND, PAYOUT }

    /** One side of one account. */
    public record Line(Account account, long debitVnd, long creditVnd) {

        public Line {
            if (debitVnd < 0 || creditVnd < 0 || (debitVnd == 0) == (creditVnd == 0)) {
                throw new IllegalArgumentException("a line is a positive debit or a positive credit, not " + debitVnd + "/"
                        + creditVnd + " on " + account.code());
            }
        }
    }

    public JournalEntry {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(reference, "reference");
        lines = List.copyOf(lines);
        long debits = lines.stream().mapToLong(Line::debitVnd).sum();
        long credits = lines.stream().mapToLong(Line::creditVnd).sum();
        if (lines.size() < 2 || debits != credits) {
            throw new IllegalArgumentException(type + " " + reference + " does not balance: debits " + debits + ", credits "
                    + credits + " over " + lines.size() + " lines");
        }
    }

    /** What the entry moves: its debits (equal to its credits). */
    public long amountVnd() {
        return lines.stream().mapToLong(Line::debitVnd).sum();
    }

    public static Builder builder(EntryType type, String reference, String description, Instant occurredAt) {
        return new Builder(type, reference, description, occurredAt);
    }

    /** Collects lines; {@link #build} checks the balance. */
    public static final class Builder {

        private final EntryType type;
        private final String reference;
        private final String description;
        private final Instant occurredAt;
        private final List<Line> lines = new ArrayList<>();
        private UUID sellerId;
        private UUID orderId;

        private Builder(EntryType type, String reference, String description, Instant occurredAt) {
            this.type = type;
            this.reference = reference;
            this.description = description;
            this.occurredAt = occurredAt;
        }

        public Builder seller(UUID seller) {
            this.sellerId = seller;
            return this;
        }

        public Builder order(UUID order) {
            this.orderId = order;
            return this;
        }

        public Builder debit(Account account, long amountVnd) {
            return add(account, amountVnd, true);
        }

        public Builder credit(Account account, long amountVnd) {
            return add(account, amountVnd, false);
        }

        /** Whether any line has an amount: an event that moves nothing posts no entry. */
        public boolean moves() {
            return !lines.isEmpty();
        }

        public JournalEntry build() {
            return new JournalEntry(type, reference, sellerId, orderId, description, occurredAt, lines);
        }

        private Builder add(Account account, long amountVnd, boolean debit) {
            if (amountVnd < 0) {
                throw new IllegalArgumentException("negative amount " + amountVnd + " on " + account.code());
            }
            if (amountVnd > 0) {
                lines.add(debit ? new Line(account, amountVnd, 0) : new Line(account, 0, amountVnd));
            }
            return this;
        }
    }
}
