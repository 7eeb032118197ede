package vn.ocop.catalog.seller;

/** What a helper may do for a seller. */
public enum DelegationScope {
    /** Edit the seller's profile (not its payout account: that stays with the seller). */
    PROFILE,
    /** Create, edit, publish and withdraw products, and set prices. */
    LISTINGS,
    /** Adjust stock. */
    STOCK,
    /** Claim OCOP certificates for products. */
    CERTIFICATES,
    /** See and fulfil the seller's orders: mark shipped or delivered (checked by orders, from DelegationChanged). */
    ORDERS
}
