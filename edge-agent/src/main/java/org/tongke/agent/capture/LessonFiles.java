package org.tongke.agent.capture;

import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where a lesson's recording lives: {@code STORAGE/lessons/LESSON/SOURCE/000012.ts}, the lesson id
 * URL-encoded into one folder name; {@code manifest.json} beside the sources. A segment being
 * written ends in {@code .part}.
 */
public final class LessonFiles {
    public static final String PART = ".part";
    private static final Pattern SEGMENT = Pattern.compile("(\\d{6})\\.(ts|mp4)");

    private LessonFiles() {
    }

    public static Path lessonsDir(Path storage) {
        return storage.resolve("lessons");
    }

    public static Path lessonDir(Path storage, String lesson) {
        return lessonsDir(storage).resolve(URLEncoder.encode(lesson, StandardCharsets.UTF_8));
    }

    public static String lessonOf(Path lessonDir) {
        return URLDecoder.decode(lessonDir.getFileName().toString(), StandardCharsets.UTF_8);
    }

    public static Path manifest(Path storage, String lesson) {
        return lessonDir(storage, lesson).resolve("manifest.json");
    }

    public static Path segment(Path sourceDir, int index, String extension) {
        return sourceDir.resolve(String.format("%06d.%s", index, extension));
    }

    /** The index of a closed segment's file name, or empty for any other file. */
    public static OptionalInt indexOf(Path file) {
        Matcher m = SEGMENT.matcher(file.getFileName().toString());
        return m.matches() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
    }

    /** The next free index in a source's folder, counting closed segments and leftovers being written. */
    static int nextIndex(Path sourceDir) throws IOException {
        if (!Files.isDirectory(sourceDir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(sourceDir)) {
            return files.map(p -> p.getFileName().toString())
                    .map(n -> n.endsWith(PART) ? n.substring(0, n.length() - PART.length()) : n)
                    .map(SEGMENT::matcher).filter(Matcher::matches)
                    .mapToInt(m -> Integer.parseInt(m.group(1)) + 1).max().orElse(0);
        }
    }
}
