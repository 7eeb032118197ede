package vn.ocop.payments.session;

import java.security.SecureRandom;

/** Our payment references at providers (VNPay's {@code vnp_TxnRef}): 16 random upper-case letters and digits, ~82 bits. */
final class TxnRefs {

    private static final char[] ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ".toCharArray();
    private static final int LENGTH = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private TxnRefs() {
    }

    static String next() {
        char[] ref = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            ref[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(ref);
    }
}
