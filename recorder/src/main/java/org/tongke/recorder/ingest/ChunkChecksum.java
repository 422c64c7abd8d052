package org.tongke.recorder.ingest;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;

/** The checksum of one {@code PATCH} body, tus's {@code Upload-Checksum: ALGORITHM base64(digest)}. */
public record ChunkChecksum(String algorithm, byte[] expected) {
    public static final String ALGORITHMS = "sha1,sha256";

    /** The parsed header, or null when the request carries none. */
    public static ChunkChecksum parse(String header) {
        if (header == null) {
            return null;
        }
        String[] parts = header.trim().split(" ");
        if (parts.length != 2) {
            throw IngestException.badRequest("Upload-Checksum must be 'ALGORITHM base64(digest)'");
        }
        String algorithm = parts[0].toLowerCase(Locale.ROOT);
        if (!algorithm.equals("sha1") && !algorithm.equals("sha256")) {
            throw IngestException.badRequest("Upload-Checksum algorithm '" + SegmentKey.shorten(parts[0])
                    + "' is not supported; use one of " + ALGORITHMS);
        }
        try {
            return new ChunkChecksum(algorithm, Base64.getDecoder().decode(parts[1]));
        } catch (IllegalArgumentException e) {
            throw IngestException.badRequest("Upload-Checksum digest is not base64");
        }
    }

    public MessageDigest newDigest() {
        return digest(algorithm.equals("sha1") ? "SHA-1" : "SHA-256");
    }

    public boolean matches(byte[] actual) {
        return MessageDigest.isEqual(expected, actual);
    }

    static MessageDigest digest(String name) {
        try {
            return MessageDigest.getInstance(name);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no " + name, e);
        }
    }
}
