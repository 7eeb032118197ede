package vn.ocop.identity.account;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Normal forms of the two ways to reach an account. Phones are Vietnamese mobiles, stored in national form
 * ({@code 0912345678}) whether typed as {@code 0912 345 678}, {@code +84 912.345.678} or {@code 84912345678};
 * e-mails are trimmed and lower-cased ASCII addresses.
 */
public final class Contacts {

    private static final Pattern SEPARATORS = Pattern.compile("[\\s.\\-()]");
    private static final Pattern MOBILE = Pattern.compile("0[35789]\\d{8}");
    private static final Pattern EMAIL = Pattern.compile(
            "[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final int MAX_EMAIL = 254;

    private Contacts() {
    }

    /** The national form of a Vietnamese mobile number, or empty when {@code raw} is not one. */
    public static Optional<String> phone(String raw) {
        if (raw == null || raw.length() > 30) {
            return Optional.empty();
        }
        String digits = SEPARATORS.matcher(raw).replaceAll("");
        if (digits.startsWith("+84")) {
            String national = digits.substring(3);
            digits = national.startsWith("0") ? national : "0" + national;
        } else if (digits.startsWith("84") && digits.length() == 11) {
            digits = "0" + digits.substring(2);
        }
        return MOBILE.matcher(digits).matches() ? Optional.of(digits) : Optional.empty();
    }

    /** The trimmed, lower-cased address, or empty when {@code raw} is not a plausible ASCII e-mail address. */
    public static Optional<String> email(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String email = raw.trim().toLowerCase(Locale.ROOT);
        if (email.length() > MAX_EMAIL || email.indexOf('@') > 64 || !EMAIL.matcher(email).matches()) {
            return Optional.empty();
        }
        return Optional.of(email);
    }

    /**
     * What a login string names: an e-mail when it has an {@code @}, else a phone. Strings that are neither keep
     * a canonical form of their own, so that failed attempts with them can still be counted.
     */
    public static String loginKey(String login) {
        String trimmed = login.trim();
        Optional<String> normal = trimmed.indexOf('@') >= 0 ? email(trimmed) : phone(trimmed);
        return normal.orElse(trimmed.toLowerCase(Locale.ROOT));
    }
}
