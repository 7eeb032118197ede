package vn.ocop.identity.account;

/** The legal forms an OCOP subject can take. */
enum SellerType {
    HOUSEHOLD_BUSINESS,
    COOPERATIVE,
    COOPERATIVE_GROUP,
    ENTERPRISE
}
