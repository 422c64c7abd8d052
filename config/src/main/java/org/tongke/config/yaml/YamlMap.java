package org.tongke.config.yaml;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.tongke.config.diagnostic.Location;
import org.tongke.config.diagnostic.Problems;
import org.tongke.config.diagnostic.SourceIndex;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A YAML mapping read field by field. Every read records where the value stood; every bad or
 * missing value becomes a {@link Problems} entry (never an exception) and the read returns
 * null or empty; {@link #finish()} reports the keys nobody asked for.
 */
public final class YamlMap {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    private final String file;
    private final String path;
    private final MappingNode node;
    private final Problems problems;
    private final SourceIndex index;
    private final Map<String, Node> values = new LinkedHashMap<>();
    private final Map<String, Integer> keyLines = new LinkedHashMap<>();
    private final Set<String> read = new HashSet<>();

    YamlMap(String file, String path, MappingNode node, Problems problems, SourceIndex index) {
        this.file = file;
        this.path = path;
        this.node = node;
        this.problems = problems;
        this.index = index;
        index.recordLine(file, path, line(node));
        for (NodeTuple tuple : node.getValue()) {
            indexEntry(tuple);
        }
    }

    private void indexEntry(NodeTuple tuple) {
        Node keyNode = tuple.getKeyNode();
        if (!(keyNode instanceof ScalarNode scalarKey)) {
            problems.error(new Location(file, line(keyNode), path), "a key must be plain text");
            return;
        }
        String key = scalarKey.getValue();
        String keyPath = Location.childPath(path, key);
        if (values.containsKey(key)) {
            problems.error(new Location(file, line(keyNode), keyPath),
                    "duplicate key (first on line " + keyLines.get(key) + ")");
            return;
        }
        values.put(key, tuple.getValueNode());
        keyLines.put(key, line(keyNode));
        index.recordLine(file, keyPath, line(keyNode));
    }

    /**
     * Opens one YAML file outside a county folder (an agent's own configuration, say); every
     * problem, with {@code name}'s line, goes to {@code problems}; empty when the file did not parse.
     */
    public static Optional<YamlMap> open(java.nio.file.Path file, String name, Problems problems) {
        if (!java.nio.file.Files.isRegularFile(file)) {
            problems.error(Location.ofFile(name), "file is missing");
            return Optional.empty();
        }
        return YamlFile.open(file, name, problems, new SourceIndex());
    }

    public String file() {
        return file;
    }

    public String path() {
        return path;
    }

    public Location location() {
        return new Location(file, line(node), path);
    }

    public Location location(String key) {
        Integer keyLine = keyLines.get(key);
        return new Location(file, keyLine != null ? keyLine : line(node), Location.childPath(path, key));
    }

    public Problems problems() {
        return problems;
    }

    SourceIndex index() {
        return index;
    }

    public boolean has(String key) {
        Node value = values.get(key);
        return value != null && !isNull(value);
    }

    /** A required text value; null (and a problem) when missing or not text. */
    public String string(String key) {
        read.add(key);
        if (!has(key)) {
            problems.error(location(key), "required field is missing");
            return null;
        }
        return scalar(key);
    }

    public String optString(String key, String fallback) {
        read.add(key);
        return has(key) ? scalar(key) : fallback;
    }

    private String scalar(String key) {
        Node value = values.get(key);
        if (value instanceof ScalarNode s) {
            return s.getValue().strip();
        }
        problems.error(location(key), "expected a single value, found " + article(kind(value)));
        return null;
    }

    public Integer integer(String key, int min, int max) {
        String text = string(key);
        return text == null ? null : parseInt(key, text, min, max);
    }

    public int optInteger(String key, int fallback, int min, int max) {
        String text = optString(key, null);
        if (text == null) {
            return fallback;
        }
        Integer value = parseInt(key, text, min, max);
        return value != null ? value : fallback;
    }

    private Integer parseInt(String key, String text, int min, int max) {
        try {
            int value = Integer.parseInt(text);
            if (value < min || value > max) {
                problems.error(location(key), value + " is out of range (" + min + " to " + max + ")");
                return null;
            }
            return value;
        } catch (NumberFormatException e) {
            problems.error(location(key), "'" + text + "' is not a whole number");
            return null;
        }
    }

    public boolean optBoolean(String key, boolean fallback) {
        String text = optString(key, null);
        if (text == null) {
            return fallback;
        }
        return switch (text) {
            case "true", "yes" -> true;
            case "false", "no" -> false;
            default -> {
                problems.error(location(key), "'" + text + "' is not true or false");
                yield fallback;
            }
        };
    }

    public LocalTime time(String key) {
        String text = string(key);
        if (text == null) {
            return null;
        }
        try {
            return LocalTime.parse(text, TIME);
        } catch (DateTimeParseException e) {
            problems.error(location(key), "'" + text + "' is not a time of day (expected HH:MM, like 08:05)");
            return null;
        }
    }

    public LocalDate date(String key) {
        String text = string(key);
        return text == null ? null : parseDate(key, text);
    }

    public Optional<LocalDate> optDate(String key) {
        String text = optString(key, null);
        return text == null ? Optional.empty() : Optional.ofNullable(parseDate(key, text));
    }

    private LocalDate parseDate(String key, String text) {
        try {
            return LocalDate.parse(text, DATE);
        } catch (DateTimeParseException e) {
            problems.error(location(key), "'" + text + "' is not a date (expected YYYY-MM-DD, like 2021-09-01)");
            return null;
        }
    }

    public DayOfWeek weekday(String key) {
        String text = string(key);
        return text == null ? null : parseWeekday(text, location(key), problems);
    }

    static DayOfWeek parseWeekday(String text, Location where, Problems problems) {
        try {
            return DayOfWeek.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.error(where, "'" + text + "' is not a weekday (monday to sunday)");
            return null;
        }
    }

    /** A required value from a fixed set, named by its key ({@code co-built}). */
    public <E extends Enum<E>> E choice(String key, Function<String, Optional<E>> parse, List<String> allowed) {
        String text = string(key);
        if (text == null) {
            return null;
        }
        Optional<E> value = parse.apply(text);
        if (value.isEmpty()) {
            problems.error(location(key), "'" + text + "' is not one of " + String.join(", ", allowed));
        }
        return value.orElse(null);
    }

    public Optional<YamlMap> optMap(String key) {
        read.add(key);
        if (!has(key)) {
            return Optional.empty();
        }
        Node value = values.get(key);
        if (value instanceof MappingNode m) {
            return Optional.of(new YamlMap(file, Location.childPath(path, key), m, problems, index));
        }
        problems.error(location(key), "expected a mapping of keys to values, found " + article(kind(value)));
        return Optional.empty();
    }

    public Optional<YamlMap> map(String key) {
        if (!has(key)) {
            read.add(key);
            problems.error(location(key), "required field is missing");
            return Optional.empty();
        }
        return optMap(key);
    }

    /** The mappings of a list, each with its own path ({@code classes[3]}); absent reads as empty. */
    public List<YamlMap> maps(String key) {
        List<YamlMap> result = new ArrayList<>();
        List<Node> items = items(key);
        for (int i = 0; i < items.size(); i++) {
            Node item = items.get(i);
            String itemPath = Location.itemPath(Location.childPath(path, key), i);
            if (item instanceof MappingNode m) {
                result.add(new YamlMap(file, itemPath, m, problems, index));
            } else {
                problems.error(new Location(file, line(item), itemPath),
                        "expected a mapping of keys to values, found " + article(kind(item)));
            }
        }
        return result;
    }

    /** The text items of a list, each with where it stands. */
    public List<YamlText> texts(String key) {
        List<YamlText> result = new ArrayList<>();
        List<Node> items = items(key);
        for (int i = 0; i < items.size(); i++) {
            Node item = items.get(i);
            Location where = new Location(file, line(item), Location.itemPath(Location.childPath(path, key), i));
            index.recordLine(file, where.path(), where.line());
            if (item instanceof ScalarNode s && !isNull(s)) {
                result.add(new YamlText(s.getValue().strip(), where));
            } else {
                problems.error(where, "expected a single value, found " + article(kind(item)));
            }
        }
        return result;
    }

    private List<Node> items(String key) {
        read.add(key);
        if (!has(key)) {
            return List.of();
        }
        Node value = values.get(key);
        if (value instanceof SequenceNode seq) {
            return seq.getValue();
        }
        problems.error(location(key), "expected a list, found " + article(kind(value)));
        return List.of();
    }

    /** The number of items of a list value; -1 when the value is absent or not a list. */
    public int listSize(String key) {
        return values.get(key) instanceof SequenceNode seq ? seq.getValue().size() : -1;
    }

    /** Keys of this mapping, in file order; each counts as read. */
    public List<String> keys() {
        read.addAll(values.keySet());
        return List.copyOf(values.keySet());
    }

    /** Reports every key that no read asked for, with the nearest known key as a hint. */
    public void finish(String... known) {
        Set<String> allowed = new HashSet<>(Arrays.asList(known));
        for (String key : values.keySet()) {
            if (!read.contains(key) && !allowed.contains(key)) {
                String hint = KeyHint.nearest(key, union(read, allowed)).map(k -> " (did you mean '" + k + "'?)").orElse("");
                problems.error(location(key), "unknown key" + hint);
            }
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }

    private static boolean isNull(Node value) {
        return value instanceof ScalarNode s && Tag.NULL.equals(s.getTag());
    }

    private static String kind(Node value) {
        if (value instanceof MappingNode) {
            return "mapping";
        }
        if (value instanceof SequenceNode) {
            return "list";
        }
        return isNull(value) ? "empty value" : "single value";
    }

    /** {@code a list}, {@code an empty value}. */
    private static String article(String kind) {
        return (kind.startsWith("e") ? "an " : "a ") + kind;
    }

    static int line(Node node) {
        return node.getStartMark() != null ? node.getStartMark().getLine() + 1 : 0;
    }
}
