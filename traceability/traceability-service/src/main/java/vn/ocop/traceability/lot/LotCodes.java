package vn.ocop.traceability.lot;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.function.Predicate;

/**
 * Short, readable lot codes for sellers who bring none: {@code L} + the registration date ({@code yyMMdd}) + four
 * random characters of Crockford's base32 (no I, L, O or U to misread), e.g. {@code L261123K7QX}. Always a valid
 * GS1 lot number.
 */
final class LotCodes {

    static final int ATTEMPTS = 10;

    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyMMdd");
    private static final SecureRandom RANDOM = new SecureRandom();

    private LotCodes() {
    }

    static String generate(LocalDate day) {
        StringBuilder code = new StringBuilder("L").append(DAY.format(day));
        for (int i = 0; i < 4; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** A new code that {@code taken} does not know, or an exception after {@value #ATTEMPTS} collisions in a row. */
    static String unused(LocalDate day, Predicate<String> taken) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            String code = generate(day);
            if (!taken.test(code)) {
                return code;
            }
        }
        throw new IllegalStateException("no free lot code for " + day + " after " + ATTEMPTS + " attempts");
    }
}
