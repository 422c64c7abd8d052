package org.tongke.recorder.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/** Sizes and SHA-256 of every file of a staged archive, for its manifest. */
final class ArchiveFiles {
    private ArchiveFiles() {
    }

    static List<ArchiveManifest.FileEntry> list(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            List<Path> files = walk.filter(Files::isRegularFile).sorted().toList();
            List<ArchiveManifest.FileEntry> out = new java.util.ArrayList<>();
            for (Path f : files) {
                out.add(new ArchiveManifest.FileEntry(root.relativize(f).toString().replace('\\', '/'), Files.size(f), sha256(f)));
            }
            return out;
        }
    }

    static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
