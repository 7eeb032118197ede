package vn.ocop.orders.checkout;

import java.security.SecureRandom;

/** Short public numbers buyers can read out on the phone: {@code CK-7Q4M2X9PKD}, Crockford base-32 (no I, L, O, U). */
final class PublicNumbers {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private PublicNumbers() {
    }

    static String checkout() {
        StringBuilder number = new StringBuilder("CK-");
        for (int i = 0; i < 10; i++) {
            number.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return number.toString();
    }

    /** The {@code n}th seller order of a checkout: {@code DH-7Q4M2X9PKD-1}. */
    static String order(String checkoutNumber, int n) {
        return "DH-" + checkoutNumber.substring(3) + "-" + n;
    }
}
