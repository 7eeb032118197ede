package vn.ocop.payments.refund;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.UUID;

/**
 * The provider's request id of a refund's attempt (VNPay's {@code vnp_RequestId}, letters and digits, at most 32):
 * the refund id's 128 bits in base 36 (25 characters) followed by the two-digit attempt number. Deterministic, so an
 * attempt sent again after a crash or a lost answer carries the id it carried the first time.
 */
final class RefundRequestIds {

    static final int MAX_ATTEMPT = 99;
    private static final int ID_LENGTH = 25;

    private RefundRequestIds() {
    }

    static String of(UUID refundId, int attempt) {
        if (attempt < 1 || attempt > MAX_ATTEMPT) {
            throw new IllegalArgumentException("attempt " + attempt + " is outside 1.." + MAX_ATTEMPT);
        }
        return base36(refundId) + String.format(Locale.ROOT, "%02d", attempt);
    }

    /** The refund id's 128 bits in base 36, upper case, left-padded to 25 characters. */
    static String base36(UUID refundId) {
        byte[] bits = ByteBuffer.allocate(16).putLong(refundId.getMostSignificantBits())
                .putLong(refundId.getLeastSignificantBits()).array();
        String id = new BigInteger(1, bits).toString(36).toUpperCase(Locale.ROOT);
        return "0".repeat(ID_LENGTH - id.length()) + id;
    }
}
