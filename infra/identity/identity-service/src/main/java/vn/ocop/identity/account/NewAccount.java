package vn.ocop.identity.account;

import io.micronaut.core.annotation.Nullable;
import vn.ocop.identity.api.AccountRegistered;

/**
 * An account to create, as requested (contacts not yet normalised).
 *
 * @param role     the one role granted
 * @param province for officers, their province code
 * @param seller   for seller registrations, the business they declared
 */
record NewAccount(String displayName, @Nullable String phone, @Nullable String email, String password, String role,
                  @Nullable String province, AccountRegistered.@Nullable SellerApplication seller) {
}
