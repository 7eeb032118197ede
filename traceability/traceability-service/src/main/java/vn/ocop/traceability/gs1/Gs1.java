package vn.ocop.traceability.gs1;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The GS1 rules this service needs: GTIN check digits and padding to GTIN-14, the character set of a lot number
 * (AI 10) and of a serial number (AI 21), and the percent-encoding of GS1 Digital Link URIs
 * ({@code {base}/01/{GTIN-14}/10/{lot}[/21/{serial}]}).
 */
public final class Gs1 {

    /** A lot number, AI (10): 1 to 20 characters of the GS1 AI encodable character set 82. */
    public static final String LOT_PATTERN = "[!\"%&'()*+,\\-./0-9:;<=>?A-Z_a-z]{1,20}";

    /** A serial number, AI (21): like a lot number, 1 to 20 characters of the GS1 AI encodable character set 82. */
    public static final String SERIAL_PATTERN = LOT_PATTERN;

    private static final Pattern GTIN = Pattern.compile("\\d{8}|\\d{12,14}");
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private Gs1() {
    }

    /** A GTIN-8, -12, -13 or -14 whose last digit is its check digit. */
    public static boolean isValidGtin(String gtin) {
        if (gtin == null || !GTIN.matcher(gtin).matches()) {
            return false;
        }
        int last = gtin.length() - 1;
        return checkDigit(gtin.substring(0, last)) == gtin.charAt(last) - '0';
    }

    /** The GTIN left-padded with zeros to 14 digits, when it is a valid GTIN. */
    public static Optional<String> gtin14(String gtin) {
        return isValidGtin(gtin) ? Optional.of("0".repeat(14 - gtin.length()) + gtin) : Optional.empty();
    }

    /** GS1 check digit of the data digits: weights 3, 1, 3, 1... from the rightmost; (10 - sum mod 10) mod 10. */
    public static int checkDigit(String dataDigits) {
        int sum = 0;
        for (int i = 0; i < dataDigits.length(); i++) {
            int digit = dataDigits.charAt(dataDigits.length() - 1 - i) - '0';
            sum += i % 2 == 0 ? 3 * digit : digit;
        }
        return (10 - sum % 10) % 10;
    }

    public static boolean isLotNumber(String value) {
        return value != null && value.matches(LOT_PATTERN);
    }

    public static boolean isSerialNumber(String value) {
        return value != null && value.matches(SERIAL_PATTERN);
    }

    /**
     * A value as one URI path segment, as GS1 Digital Link requires: unreserved characters ({@code A-Z a-z 0-9 - . _ ~})
     * stay, every other byte of its UTF-8 form becomes {@code %XX} in upper-case hex.
     */
    public static String encode(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length * 3);
        for (byte b : bytes) {
            if (isUnreserved(b)) {
                out.write(b);
            } else {
                out.write('%');
                out.writeBytes(HEX.toHexDigits(b).getBytes(StandardCharsets.US_ASCII));
            }
        }
        return out.toString(StandardCharsets.US_ASCII);
    }

    /**
     * The GS1 Digital Link URI of a lot: {@code {base}/01/{GTIN-14}/10/{lot}}.
     *
     * @throws IllegalArgumentException when the GTIN is not valid
     */
    public static String digitalLink(String base, String gtin, String lot) {
        String gtin14 = gtin14(gtin).orElseThrow(() -> new IllegalArgumentException("not a valid GTIN: " + gtin));
        return base + "/01/" + gtin14 + "/10/" + encode(lot);
    }

    /**
     * The GS1 Digital Link URI of one serialised unit of a lot: {@code {base}/01/{GTIN-14}/10/{lot}/21/{serial}}, the
     * key qualifiers in the order GS1 Digital Link fixes for a GTIN (lot, AI 10, before serial, AI 21), each value
     * percent-encoded as by {@link #encode}.
     *
     * @throws IllegalArgumentException when the GTIN is not valid
     */
    public static String digitalLink(String base, String gtin, String lot, String serial) {
        return digitalLink(base, gtin, lot) + "/21/" + encode(serial);
    }

    private static boolean isUnreserved(byte b) {
        return b >= 'A' && b <= 'Z' || b >= 'a' && b <= 'z' || b >= '0' && b <= '9'
                || b == '-' || b == '.' || b == '_' || b == '~';
    }
}
