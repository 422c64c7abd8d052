package org.tongke.recorder.ingest;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/** What an agent tells about a segment in tus's {@code Upload-Metadata}. */
public record UploadMetadata(SegmentKey key, String filename, String sha256) {
    public static final int MAX_HEADER_LENGTH = 4096;
    private static final Pattern HEX_SHA256 = Pattern.compile("[0-9a-f]{64}");

    public UploadMetadata {
        Objects.requireNonNull(key, "key");
        if (filename == null || filename.isBlank() || filename.length() > 255 || filename.contains("/")
                || filename.chars().anyMatch(Character::isISOControl)) {
            throw IngestException.badRequest("filename '" + SegmentKey.shorten(filename)
                    + "' must be 1 to 255 characters, no '/' and no control characters");
        }
        if (sha256 == null || !HEX_SHA256.matcher(sha256).matches()) {
            throw IngestException.badRequest("sha256 '" + SegmentKey.shorten(sha256) + "' is not 64 lower-case hex digits");
        }
    }

    /** Reads the tus form: {@code key base64(value)} pairs, comma separated. */
    public static UploadMetadata parse(String header) {
        if (header == null || header.isBlank()) {
            throw IngestException.badRequest("Upload-Metadata is missing; it must carry lesson, classroom, source, segment, filename and sha256");
        }
        if (header.length() > MAX_HEADER_LENGTH) {
            throw IngestException.badRequest("Upload-Metadata is longer than " + MAX_HEADER_LENGTH + " characters");
        }
        Map<String, String> pairs = pairs(header);
        return new UploadMetadata(new SegmentKey(required(pairs, "lesson"), required(pairs, "classroom"),
                required(pairs, "source"), segment(required(pairs, "segment"))),
                required(pairs, "filename"), required(pairs, "sha256").toLowerCase(Locale.ROOT));
    }

    /** The tus form of this metadata, as a client sends it. */
    public String header() {
        return "lesson " + b64(key.lesson()) + ",classroom " + b64(key.classroom()) + ",source " + b64(key.source())
                + ",segment " + b64(Integer.toString(key.segment())) + ",filename " + b64(filename) + ",sha256 " + b64(sha256);
    }

    private static Map<String, String> pairs(String header) {
        Map<String, String> pairs = new HashMap<>();
        for (String pair : header.split(",")) {
            String[] parts = pair.trim().split(" ", -1);
            if (parts.length > 2 || parts[0].isEmpty()) {
                throw IngestException.badRequest("Upload-Metadata pair '" + SegmentKey.shorten(pair) + "' is not 'key base64(value)'");
            }
            String value;
            try {
                value = parts.length == 2 ? new String(Base64.getDecoder().decode(parts[1]), StandardCharsets.UTF_8) : "";
            } catch (IllegalArgumentException e) {
                throw IngestException.badRequest("Upload-Metadata value of '" + SegmentKey.shorten(parts[0]) + "' is not base64");
            }
            if (pairs.put(parts[0], value) != null) {
                throw IngestException.badRequest("Upload-Metadata names '" + SegmentKey.shorten(parts[0]) + "' twice");
            }
        }
        return pairs;
    }

    private static String required(Map<String, String> pairs, String name) {
        String value = pairs.get(name);
        if (value == null || value.isEmpty()) {
            throw IngestException.badRequest("Upload-Metadata has no '" + name + "'");
        }
        return value;
    }

    private static int segment(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw IngestException.badRequest("segment '" + SegmentKey.shorten(text) + "' is not a whole number");
        }
    }

    private static String b64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }
}
