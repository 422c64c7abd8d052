package org.tongke.recorder.library;

import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Paths inside the library folder, as the catalog stores them ({@code lessons/x/master.m3u8}):
 * split into checked segments, and resolved to a file that is really inside the folder. No
 * segment may be empty, {@code .} or {@code ..}, or hold a backslash or a control character, and a
 * symbolic link that leads out of the folder is refused too.
 */
public final class LibraryPaths {
    private LibraryPaths() {
    }

    /** The segments of a relative path; {@link MediaUrlRejected} (BAD_PATH) when one is not allowed. */
    public static List<String> segments(String path) {
        if (path == null || path.isEmpty() || path.startsWith("/")) {
            throw badPath("path '" + path + "' is not relative to the library");
        }
        List<String> segments = Arrays.asList(path.split("/", -1));
        for (String segment : segments) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..") || segment.contains("\\")
                    || segment.chars().anyMatch(Character::isISOControl)) {
                throw badPath("path segment '" + segment + "' is not allowed in a library path");
            }
        }
        return segments;
    }

    /** URL-decodes each segment of a request path, then checks them. */
    public static String decode(String rawPath) {
        String decoded = Arrays.stream(rawPath.split("/", -1))
                .map(s -> URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8))
                .collect(Collectors.joining("/"));
        return String.join("/", segments(decoded));
    }

    static String encode(List<String> segments) {
        return segments.stream().map(s -> URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20"))
                .collect(Collectors.joining("/"));
    }

    /** The regular file at {@code path} under {@code root}; blocks on the file system. */
    public static Path resolve(Path root, String path) throws IOException {
        Path realRoot = root.toRealPath();
        Path file = realRoot.resolve(String.join("/", segments(path))).normalize();
        if (!file.startsWith(realRoot)) {
            throw badPath("path '" + path + "' leads out of the library");
        }
        if (!Files.isRegularFile(file)) {
            throw new java.nio.file.NoSuchFileException(path);
        }
        if (!file.toRealPath().startsWith(realRoot)) {
            throw badPath("path '" + path + "' links out of the library");
        }
        return file;
    }

    private static MediaUrlRejected badPath(String message) {
        return new MediaUrlRejected(MediaUrlRejected.Reason.BAD_PATH, message);
    }
}
