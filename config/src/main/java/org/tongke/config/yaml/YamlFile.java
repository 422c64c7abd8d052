package org.tongke.config.yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.tongke.config.diagnostic.Location;
import org.tongke.config.diagnostic.Problems;
import org.tongke.config.diagnostic.SourceIndex;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Opens one YAML file as a tree of nodes that keep their line numbers. Only the node tree is
 * built (SnakeYAML's compose step): no tags are resolved and no objects are constructed, so
 * {@code 08:00} stays the text it was written as and a hostile document cannot run code.
 */
final class YamlFile {
    /** A county file past this size is a mistake, not data; refuse it before reading. */
    static final long MAX_FILE_BYTES = 16L * 1024 * 1024;

    private YamlFile() {
    }

    static Optional<YamlMap> open(Path file, String name, Problems problems, SourceIndex index) {
        Location whole = Location.ofFile(name);
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                problems.error(whole, "file is larger than " + MAX_FILE_BYTES / (1024 * 1024) + " MiB");
                return Optional.empty();
            }
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                return asMap(compose(reader), name, problems, index);
            }
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            int line = mark != null ? mark.getLine() + 1 : 0;
            problems.error(new Location(name, line, ""), "not valid YAML: " + e.getProblem());
        } catch (MalformedInputException e) {
            problems.error(whole, "not UTF-8 text");
        } catch (YAMLException e) {
            problems.error(whole, encodingProblem(e) ? "not UTF-8 text" : "not valid YAML: " + e.getMessage());
        } catch (IOException e) {
            problems.error(whole, "cannot be read: " + e.getMessage());
        }
        return Optional.empty();
    }

    private static boolean encodingProblem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.nio.charset.CharacterCodingException) {
                return true;
            }
        }
        return false;
    }

    private static Node compose(Reader reader) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowRecursiveKeys(false);
        options.setMaxAliasesForCollections(50);
        options.setCodePointLimit((int) MAX_FILE_BYTES);
        return new Yaml(options).compose(reader);
    }

    private static Optional<YamlMap> asMap(Node root, String name, Problems problems, SourceIndex index) {
        if (root == null) {
            problems.error(Location.ofFile(name), "file is empty");
            return Optional.empty();
        }
        if (!(root instanceof MappingNode mapping)) {
            problems.error(new Location(name, root.getStartMark().getLine() + 1, ""),
                    "expected a mapping of keys to values at the top of the file");
            return Optional.empty();
        }
        return Optional.of(new YamlMap(name, "", mapping, problems, index));
    }
}
