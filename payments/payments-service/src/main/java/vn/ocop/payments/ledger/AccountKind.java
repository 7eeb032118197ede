package vn.ocop.payments.ledger;

/**
 * The kinds of ledger account. Balances are debits minus credits: the platform's money at providers is a debit
 * balance, what it owes sellers a credit balance. See {@link Ledger} for what posts to each.
 */
public enum AccountKind {
    /** Money captured from buyers by the providers (VNPay, VietQR, cards) for paid orders: debits only. */
    CLEARING(false),
    /** Money given back to buyers through the providers: credits only (a contra account of {@link #CLEARING}). */
    REFUNDS(false),
    /** Money sent to sellers' bank accounts and wallets: credits only (a contra account of {@link #CLEARING}). */
    PAYOUTS(false),
    /** The platform's commission: credits only. */
    COMMISSION_REVENUE(false),
    /** Owed to a seller for orders paid but not yet completed: a credit balance. */
    SELLER_PENDING(true),
    /** Owed to a seller for completed orders, commission deducted, not yet paid out: a credit balance. */
    SELLER_AVAILABLE(true),
    /** Owed by a seller to the platform (commission on cash it collected, refunds after a payout): a debit balance. */
    SELLER_RECEIVABLE(true);

    private final boolean perSeller;

    AccountKind(boolean perSeller) {
        this.perSeller = perSeller;
    }

    public boolean perSeller() {
        return perSeller;
    }
}
