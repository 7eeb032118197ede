package vn.ocop.identity.account;

/** Only active accounts can log in or refresh their tokens. */
enum AccountStatus {
    ACTIVE,
    DISABLED
}
