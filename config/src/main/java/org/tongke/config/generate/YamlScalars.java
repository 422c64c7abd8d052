package org.tongke.config.generate;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Values as YAML text a person can read: Chinese and ids bare wherever YAML reads them back as
 * the same text (also inside {@code {...}} and {@code [...]}), in double quotes otherwise, and
 * times always quoted, since YAML 1.1 reads a bare 8:30 as the number 510 (base 60).
 */
final class YamlScalars {
    private static final Resolver RESOLVER = new Resolver();
    private static final String INDICATORS = "-?:,[]{}#&*!|>'\"%@`";
    private static final String FLOW_INDICATORS = ",[]{}";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private YamlScalars() {
    }

    static String text(String value) {
        return plainSafe(value) ? value : quoted(value);
    }

    static String time(LocalTime time) {
        if (time.getSecond() != 0 || time.getNano() != 0) {
            throw new IllegalArgumentException("times are written to the minute: " + time);
        }
        return "\"" + TIME.format(time) + "\"";
    }

    static String date(LocalDate date) {
        return date.toString();
    }

    /** True when the text, written bare in a flow collection, reads back as this same string. */
    static boolean plainSafe(String value) {
        if (value.isEmpty() || !value.equals(value.strip()) || INDICATORS.indexOf(value.charAt(0)) >= 0) {
            return false;
        }
        if (value.contains(": ") || value.contains(" #") || value.endsWith(":")) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            if (FLOW_INDICATORS.indexOf(value.charAt(i)) >= 0 || unprintable(value.charAt(i))) {
                return false;
            }
        }
        return RESOLVER.resolve(NodeId.scalar, value, true).equals(Tag.STR);
    }

    static String quoted(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> out.append(unprintable(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }

    private static boolean unprintable(char c) {
        return Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\uFEFF';
    }
}
