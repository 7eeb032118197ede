package vn.ocop.payments.payout;

import io.micronaut.core.annotation.Nullable;
import java.util.Locale;
import vn.ocop.platform.text.SearchKeys;

/** Where a seller's payouts go, as catalog last said. */
record PayoutAccount(String method, String institution, String account, @Nullable String holder) {

    /** The account's last four characters, the rest hidden. */
    String masked() {
        return "***" + account.substring(Math.max(0, account.length() - 4));
    }

    /**
     * The holder's name as a bank file wants it: upper case, no accents ("Hồ Quang Cua" gives "HO QUANG CUA"), and
     * never starting with a character a spreadsheet would read as a formula.
     */
    String bankHolder() {
        if (holder == null) {
            return "";
        }
        String folded = SearchKeys.toAscii(holder).strip().toUpperCase(Locale.ROOT);
        return folded.replaceFirst("^[=+\\-@\\s]+", "");
    }
}
