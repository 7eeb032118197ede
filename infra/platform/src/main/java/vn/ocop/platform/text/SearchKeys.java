package vn.ocop.platform.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Folds Vietnamese text to a search key: lower case, diacritics removed, {@code đ} to {@code d}, runs of
 * whitespace and punctuation to one space. "Gạo ST25 – Sóc Trăng" and "gao st25 soc trang" fold to the same key.
 */
public final class SearchKeys {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

    private SearchKeys() {
    }

    public static String fold(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String lower = text.toLowerCase(Locale.ROOT).replace('đ', 'd');
        String stripped = MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
        return SEPARATORS.matcher(stripped).replaceAll(" ").trim();
    }

    /** ASCII rendering that keeps case and punctuation, e.g. for VNPay's order info: "Gạo ST25" becomes "Gao ST25". */
    public static String toAscii(String text) {
        if (text == null) {
            return "";
        }
        String replaced = text.replace('đ', 'd').replace('Đ', 'D');
        String stripped = MARKS.matcher(Normalizer.normalize(replaced, Normalizer.Form.NFD)).replaceAll("");
        return stripped.replaceAll("[^\\x20-\\x7E]", "");
    }
}
