package vn.ocop.payments.vietqr;

import io.micronaut.core.annotation.Nullable;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The text of a VietQR code (NAPAS 247 bank transfer, EMVCo merchant-presented QR): TLV fields, each a 2-digit id, a
 * 2-digit length and the value, ending with field 63, a CRC-16/CCITT-FALSE over everything before it including the
 * literal {@code 6304}. A code with an amount is dynamic ({@code 01=12}), one without is static ({@code 01=11}). The
 * purpose (field 62, sub-field 08) must be ASCII: Vietnamese text is folded to its letters without diacritics ("ủng hộ"
 * becomes "ung ho"); any other non-ASCII character is refused rather than dropped.
 */
final class VietQrPayload {

    /** NAPAS's application id for VietQR. */
    static final String NAPAS_GUID = "A000000727";
    /** Transfer to an account (as opposed to {@code QRIBFTTC}, to a card). */
    static final String TO_ACCOUNT = "QRIBFTTA";
    static final int MAX_PURPOSE = 25;

    private static final String VND = "704";
    private static final String VIET_NAM = "VN";
    private static final Pattern BANK_BIN = Pattern.compile("[0-9]{6}");
    private static final Pattern ACCOUNT = Pattern.compile("[0-9A-Za-z]{1,19}");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern PRINTABLE_ASCII = Pattern.compile("[\\x20-\\x7E]*");

    private VietQrPayload() {
    }

    /**
     * The payload of a transfer to {@code accountNumber} at the bank {@code bankBin}.
     *
     * @param amountVnd whole dong, or null for a static code where the payer types the amount
     * @param purpose   the transfer's description (our reference), or null for none; folded to ASCII, at most 25 characters
     * @throws IllegalArgumentException for a malformed bank BIN or account, a non-positive amount, or a purpose that is
     *                                  too long or holds characters that have no ASCII form
     */
    static String of(String bankBin, String accountNumber, @Nullable Long amountVnd, @Nullable String purpose) {
        if (bankBin == null || !BANK_BIN.matcher(bankBin).matches()) {
            throw new IllegalArgumentException("a bank BIN is 6 digits, not " + bankBin);
        }
        if (accountNumber == null || !ACCOUNT.matcher(accountNumber).matches()) {
            throw new IllegalArgumentException("an account number is 1 to 19 letters or digits, not " + accountNumber);
        }
        if (amountVnd != null && amountVnd <= 0) {
            throw new IllegalArgumentException("a transfer amount must be positive, not " + amountVnd);
        }
        String beneficiary = field("00", bankBin) + field("01", accountNumber);
        String merchant = field("00", NAPAS_GUID) + field("01", beneficiary) + field("02", TO_ACCOUNT);
        StringBuilder payload = new StringBuilder()
                .append(field("00", "01"))
                .append(field("01", amountVnd == null ? "11" : "12"))
                .append(field("38", merchant))
                .append(field("53", VND));
        if (amountVnd != null) {
            payload.append(field("54", Long.toString(amountVnd)));
        }
        payload.append(field("58", VIET_NAM));
        String text = purpose == null ? "" : ascii(purpose);
        if (!text.isEmpty()) {
            payload.append(field("62", field("08", text)));
        }
        payload.append("6304");
        return payload.append(crc(payload.toString())).toString();
    }

    /**
     * The purpose as ASCII: diacritics removed, {@code đ}/{@code Đ} to {@code d}/{@code D}, surrounding spaces trimmed.
     *
     * @throws IllegalArgumentException when a character has no ASCII form (e.g. 中 or an emoji) or the result is longer
     *                                  than {@value #MAX_PURPOSE} characters
     */
    static String ascii(String purpose) {
        String replaced = purpose.replace('đ', 'd').replace('Đ', 'D');
        String folded = MARKS.matcher(Normalizer.normalize(replaced, Normalizer.Form.NFD)).replaceAll("").strip();
        if (!PRINTABLE_ASCII.matcher(folded).matches()) {
            throw new IllegalArgumentException("the purpose \"" + purpose + "\" has characters with no ASCII form");
        }
        if (folded.length() > MAX_PURPOSE) {
            throw new IllegalArgumentException("the purpose \"" + folded + "\" is longer than " + MAX_PURPOSE + " characters");
        }
        return folded;
    }

    /**
     * CRC-16/CCITT-FALSE (polynomial 0x1021, initial value 0xFFFF, no reflection, no final xor) of the text's ASCII
     * bytes, as 4 upper-case hex digits; "123456789" gives {@code 29B1}.
     */
    static String crc(String text) {
        int crc = 0xFFFF;
        for (byte b : text.getBytes(StandardCharsets.US_ASCII)) {
            crc ^= (b & 0xFF) << 8;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
            }
            crc &= 0xFFFF;
        }
        return String.format(Locale.ROOT, "%04X", crc);
    }

    private static String field(String id, String value) {
        if (value.length() > 99) {
            throw new IllegalArgumentException("field " + id + " holds at most 99 characters, not " + value.length());
        }
        return id + String.format(Locale.ROOT, "%02d", value.length()) + value;
    }
}
