package vn.ocop.payments.vietqr;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Our reference in a transfer's purpose and how to find it again in the description a bank reports. The purpose is
 * {@code OCOP <txnRef>} (21 characters: the session's 16-character reference after a marker). Banks and apps add their
 * own text around it, change case, and drop or replace spaces and punctuation, so the description is read as its letters
 * and digits only, upper case, and every 16 characters after a {@code OCOP} marker is a candidate reference.
 */
final class References {

    static final String MARKER = "OCOP";
    static final int LENGTH = 16;
    /** Candidates tried at most per description. */
    static final int MAX_CANDIDATES = 5;

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^A-Z0-9]+");

    private References() {
    }

    /** The purpose of a session's QR code. */
    static String purpose(String txnRef) {
        return MARKER + " " + txnRef;
    }

    /** The references a description may carry, in the order they appear. */
    static List<String> candidates(String description) {
        if (description == null || description.isEmpty()) {
            return List.of();
        }
        String folded = MARKS.matcher(Normalizer.normalize(description.toUpperCase(Locale.ROOT), Normalizer.Form.NFD)).replaceAll("");
        String text = NOT_ALPHANUMERIC.matcher(folded.replace('Đ', 'D')).replaceAll("");
        Set<String> found = new LinkedHashSet<>();
        int at = text.indexOf(MARKER);
        while (at >= 0 && found.size() < MAX_CANDIDATES) {
            int start = at + MARKER.length();
            if (start + LENGTH <= text.length()) {
                found.add(text.substring(start, start + LENGTH));
            }
            at = text.indexOf(MARKER, at + 1);
        }
        return List.copyOf(found);
    }
}
