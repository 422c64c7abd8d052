package org.tongke.config.auth;

import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a token is good for: a county, a school, a classroom ({@code school/classroom}) or a
 * lesson (a requirement, a weekly lesson {@code requirement#n} or one occurrence
 * {@code requirement#n@date}, the scheduler's ids). Written {@code type:id} on the command line;
 * an object {@code {"type": ..., "id": ...}} in the token.
 */
public record Scope(Type type, String id) {
    /** Longer ids are no config id; the bound keeps a hostile claim small. */
    public static final int MAX_ID_LENGTH = 200;

    /** Letters and digits of any script (a county may name things in Chinese), then '.', '_', '-'. */
    private static final String SEGMENT = "[\\p{L}\\p{N}][\\p{L}\\p{N}._-]*";

    /** The kinds of scope, each with its {@code type} word and the shape of its ids. */
    public enum Type {
        COUNTY("county", SEGMENT, "ID"),
        SCHOOL("school", SEGMENT, "ID"),
        CLASSROOM("classroom", SEGMENT + "/" + SEGMENT, "SCHOOL/CLASSROOM"),
        LESSON("lesson", SEGMENT + "(#" + SEGMENT + ")?(@" + SEGMENT + ")?", "ID");

        private final String word;
        private final Pattern id;
        private final String form;

        Type(String word, String idPattern, String form) {
            this.word = word;
            this.id = Pattern.compile(idPattern);
            this.form = form;
        }

        public String word() {
            return word;
        }

        /** The type named by {@code word}, or {@link TokenProblem#BAD_SCOPE}. */
        public static Type fromWord(String word) {
            for (Type type : values()) {
                if (type.word.equals(word)) {
                    return type;
                }
            }
            throw badScope("scope type " + TokenRejected.quote(String.valueOf(word)) + " is not one of "
                    + Arrays.stream(values()).map(Type::word).collect(Collectors.joining(", ")));
        }
    }

    public Scope {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        if (id.length() > MAX_ID_LENGTH || !type.id.matcher(id).matches()) {
            throw badScope(type.word + " id " + TokenRejected.quote(id) + " is not of the form " + type.form
                    + " (each part letters or digits, then also '.', '_', '-')");
        }
    }

    /** {@code school:renzhuang-zhenzhong}, {@code classroom:renzhuang-zhenzhong/lubo}, ... */
    public static Scope parse(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw badScope("scope " + TokenRejected.quote(text) + " needs a type: " + forms());
        }
        return new Scope(Type.fromWord(text.substring(0, colon)), text.substring(colon + 1));
    }

    /** The command-line form, {@code type:id}. */
    public String text() {
        return type.word + ":" + id;
    }

    @Override
    public String toString() {
        return text();
    }

    private static String forms() {
        return Arrays.stream(Type.values()).map(t -> t.word + ":" + t.form).collect(Collectors.joining(", "));
    }

    private static TokenRejected badScope(String message) {
        return new TokenRejected(TokenProblem.BAD_SCOPE, message);
    }
}
