package org.tongke.recorder.catalog;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The one normalization the stored search texts and the typed query both go through, so that a
 * substring match means the same whatever the database: NFKC (full-width letters and digits
 * become ASCII, 　 a space), lower case, runs of white space a single space.
 */
public final class SearchText {
    private SearchText() {
    }

    public static String normalize(String text) {
        if (text == null) {
            return "";
        }
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return folded.replaceAll("\\s+", " ").strip();
    }

    /** The distinct normalized, non-empty texts of an entry's searchable fields. */
    public static List<String> terms(Stream<String> parts) {
        return parts.filter(Objects::nonNull).map(SearchText::normalize).filter(s -> !s.isEmpty()).distinct().toList();
    }

    /** SHA-256 of a normalized text, lower-case hex: the key that makes each text stored once. */
    public static String hash(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** A query's words: each must occur somewhere in the text. */
    public static List<String> words(String query) {
        String normalized = normalize(query);
        return normalized.isEmpty() ? List.of() : Arrays.stream(normalized.split(" ")).distinct().toList();
    }
}
