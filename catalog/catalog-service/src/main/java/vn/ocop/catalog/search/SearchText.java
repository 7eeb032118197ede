package vn.ocop.catalog.search;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import vn.ocop.platform.text.SearchKeys;

/**
 * The words of the search index and of queries. Text is folded ("Gạo ST25" to "gao st25") and every word gets the
 * prefix {@code w}, so that InnoDB full-text search indexes two-letter Vietnamese words ("cá", "mè", "lá" become
 * "wca", "wme", "wla") instead of dropping them as too short or as English stopwords.
 */
final class SearchText {

    static final String PREFIX = "w";

    private SearchText() {
    }

    /** The indexed form of some texts: their distinct folded words, prefixed. */
    static String index(String... texts) {
        Set<String> words = new LinkedHashSet<>();
        for (String text : texts) {
            if (text != null) {
                words.addAll(words(text));
            }
        }
        return words.stream().map(w -> PREFIX + w).collect(Collectors.joining(" "));
    }

    /**
     * A boolean-mode query: every word required, the last one as a prefix (the buyer may still be typing); words of one
     * letter are left out. Empty when nothing searchable remains.
     */
    static String query(String text) {
        List<String> words = words(text).stream().filter(w -> w.length() > 1).toList();
        if (words.isEmpty()) {
            return "";
        }
        StringBuilder query = new StringBuilder();
        for (int i = 0; i < words.size(); i++) {
            query.append(i == 0 ? "" : " ").append('+').append(PREFIX).append(words.get(i));
            if (i == words.size() - 1) {
                query.append('*');
            }
        }
        return query.toString();
    }

    private static List<String> words(String text) {
        String folded = SearchKeys.fold(text);
        return folded.isEmpty() ? List.of() : Arrays.stream(folded.split(" ")).filter(Objects::nonNull).toList();
    }
}
