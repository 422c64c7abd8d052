package org.tongke.recorder.catalog;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The one normalization the stored search text and the typed query both go through, so that a
 * substring match means the same on H2 and PostgreSQL: NFKC (full-width letters and digits
 * become ASCII, 　 a space), lower case, runs of white space a single space.
 */
public final class SearchText {
    /** The LIKE escape character both databases are told about. */
    public static final char ESCAPE = '!';

    private SearchText() {
    }

    public static String normalize(String text) {
        if (text == null) {
            return "";
        }
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return folded.replaceAll("\\s+", " ").strip();
    }

    /** The stored text: every part normalized, joined by " | " so no word runs into the next part. */
    public static String of(Stream<String> parts) {
        return parts.filter(Objects::nonNull).map(SearchText::normalize).filter(s -> !s.isEmpty()).distinct()
                .collect(Collectors.joining(" | "));
    }

    /** A query's words: each must occur somewhere in the text. */
    public static List<String> words(String query) {
        String normalized = normalize(query);
        return normalized.isEmpty() ? List.of() : Arrays.stream(normalized.split(" ")).distinct().toList();
    }

    /** {@code %word%} with LIKE's wildcards in the word taken literally. */
    public static String containsPattern(String word) {
        StringBuilder out = new StringBuilder("%");
        for (char c : word.toCharArray()) {
            if (c == '%' || c == '_' || c == ESCAPE) {
                out.append(ESCAPE);
            }
            out.append(c);
        }
        return out.append('%').toString();
    }
}
