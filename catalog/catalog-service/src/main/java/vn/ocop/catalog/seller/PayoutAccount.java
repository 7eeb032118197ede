package vn.ocop.catalog.seller;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * Where a seller's money goes: a bank account ({@code institution} = the bank's 6-digit NAPAS BIN, as VietQR uses it)
 * or a mobile-money wallet ({@code institution} = the wallet, {@code account} = its phone number). {@code holder} is
 * the account holder's name as banks print it (upper case, no accents).
 */
@Serdeable
public record PayoutAccount(PayoutMethod method, String institution, String account, @Nullable String holder) {

    public enum PayoutMethod { BANK_ACCOUNT, MOBILE_WALLET }
}
