package vn.ocop.catalog.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.UUID;

/**
 * A seller set or changed where its money goes (only the seller itself can). The snapshot is whole: payments keeps the
 * latest per seller and pays its payouts there. {@code revision} grows with every change of the seller's record, so an
 * older snapshot is ignored.
 *
 * @param sellerId    the seller (its account id)
 * @param method      a bank account or a mobile-money wallet
 * @param institution the bank's 6-digit NAPAS BIN (as VietQR uses it), or the wallet ({@code MOMO}, {@code ZALOPAY}, ...)
 * @param account     the bank account number, or the wallet's phone number
 * @param holder      the account holder's name as banks print it (upper case, no accents); null for a wallet
 * @param revision    increases with every change of the seller's record
 * @param changedAt   when
 */
@Serdeable
public record SellerPayoutAccountChanged(UUID sellerId, Method method, String institution, String account,
                                         @Nullable String holder, long revision, Instant changedAt) {

    public static final String TYPE = "SellerPayoutAccountChanged";
    public static final int VERSION = 1;

    /** Where the money goes. */
    public enum Method { BANK_ACCOUNT, MOBILE_WALLET }
}
