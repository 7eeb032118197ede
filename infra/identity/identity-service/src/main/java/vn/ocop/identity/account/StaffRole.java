package vn.ocop.identity.account;

/** Roles only an administrator can grant. */
enum StaffRole {
    OFFICER,
    HELPER,
    ADMIN
}
