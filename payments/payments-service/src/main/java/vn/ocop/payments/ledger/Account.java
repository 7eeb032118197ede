package vn.ocop.payments.ledger;

import io.micronaut.core.annotation.Nullable;
import java.util.Objects;
import java.util.UUID;

/** One ledger account: a platform account, or one of a seller's three. */
public record Account(AccountKind kind, @Nullable UUID sellerId) implements Comparable<Account> {

    public static final Account CLEARING = new Account(AccountKind.CLEARING, null);
    public static final Account REFUNDS = new Account(AccountKind.REFUNDS, null);
    public static final Account PAYOUTS = new Account(AccountKind.PAYOUTS, null);
    public static final Account COMMISSION_REVENUE = new Account(AccountKind.COMMISSION_REVENUE, null);

    public Account {
        Objects.requireNonNull(kind, "kind");
        if (kind.perSeller() != (sellerId != null)) {
            throw new IllegalArgumentException(kind + (kind.perSeller() ? " needs a seller" : " belongs to no seller"));
        }
    }

    public static Account pending(UUID sellerId) {
        return new Account(AccountKind.SELLER_PENDING, sellerId);
    }

    public static Account available(UUID sellerId) {
        return new Account(AccountKind.SELLER_AVAILABLE, sellerId);
    }

    public static Account receivable(UUID sellerId) {
        return new Account(AccountKind.SELLER_RECEIVABLE, sellerId);
    }

    /** The account's key in the database, e.g. {@code CLEARING} or {@code SELLER_PENDING:0193...}. */
    public String code() {
        return sellerId == null ? kind.name() : kind.name() + ":" + sellerId;
    }

    /** By code, the order in which postings lock balance rows (one order everywhere: no deadlock between postings). */
    @Override
    public int compareTo(Account other) {
        return code().compareTo(other.code());
    }
}
