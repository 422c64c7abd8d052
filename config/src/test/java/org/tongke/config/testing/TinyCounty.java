package org.tongke.config.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A copy of the tiny test county (one co-built community of two primary schools) in a folder
 * of the test's own, to be broken on purpose with {@link #edit}. Other modules' tests use it
 * through the config test-jar.
 */
public final class TinyCounty {
    public static final List<String> FILES = List.of(
            "county.yaml", "communities.yaml", "schools/chengxi.yaml", "schools/zhenbu.yaml", "requirements/c1.yaml");

    private final Path dir;

    private TinyCounty(Path dir) {
        this.dir = dir;
    }

    /** Writes the tiny county into {@code dir} (usually a JUnit {@code @TempDir}). */
    public static TinyCounty copyTo(Path dir) {
        try {
            for (String file : FILES) {
                Path target = dir.resolve(file);
                Files.createDirectories(target.getParent());
                try (InputStream in = TinyCounty.class.getResourceAsStream("/counties/tiny/" + file)) {
                    if (in == null) {
                        throw new IllegalStateException("test resource missing: counties/tiny/" + file);
                    }
                    Files.copy(in, target);
                }
            }
            return new TinyCounty(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path dir() {
        return dir;
    }

    /** Replaces the one occurrence of {@code from} in a file; fails when it is not there exactly once. */
    public TinyCounty edit(String file, String from, String to) {
        String text = read(file);
        int first = text.indexOf(from);
        if (first < 0 || text.indexOf(from, first + 1) >= 0) {
            throw new IllegalArgumentException("'" + from + "' is not in " + file + " exactly once");
        }
        write(file, text.substring(0, first) + to + text.substring(first + from.length()));
        return this;
    }

    /** The 1-based line of the one line of a file that contains {@code text}. */
    public int lineOf(String file, String text) {
        List<String> lines = read(file).lines().toList();
        int found = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                if (found >= 0) {
                    throw new IllegalArgumentException("'" + text + "' is on more than one line of " + file);
                }
                found = i + 1;
            }
        }
        if (found < 0) {
            throw new IllegalArgumentException("'" + text + "' is not in " + file);
        }
        return found;
    }

    public String read(String file) {
        try {
            return Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void write(String file, String text) {
        try {
            Files.writeString(dir.resolve(file), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
