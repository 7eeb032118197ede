package vn.ocop.traceability.lot;

import java.security.SecureRandom;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Serial numbers for unit labels: {@value #LENGTH} random characters of Crockford's base32 (no I, L, O or U), 60 bits,
 * so that a counterfeiter cannot guess valid serials from printed ones. Always a valid GS1 serial (AI 21).
 */
final class SerialNumbers {

    static final int LENGTH = 12;

    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    private SerialNumbers() {
    }

    static String generate() {
        StringBuilder serial = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            serial.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return serial.toString();
    }

    /** {@code count} distinct serials, in the order generated. */
    static Set<String> distinct(int count) {
        Set<String> serials = new LinkedHashSet<>();
        while (serials.size() < count) {
            serials.add(generate());
        }
        return serials;
    }
}
