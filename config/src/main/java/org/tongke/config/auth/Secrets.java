package org.tongke.config.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads the shared signing secret from its file. */
public final class Secrets {
    /** HS256 wants a key at least as long as its 32-byte hash (RFC 7518, 3.2). */
    public static final int MIN_BYTES = 32;
    /** A bigger file is most likely the wrong file (a certificate, a log). */
    public static final int MAX_BYTES = 4096;

    private static final Logger LOG = LoggerFactory.getLogger(Secrets.class);
    private static final Set<PosixFilePermission> SHARED = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.OTHERS_READ);

    private Secrets() {
    }

    /**
     * The file's bytes without its trailing line ends (editors and {@code echo} add one).
     * Throws {@link IllegalArgumentException} naming the file when it is missing, too short or
     * too long, {@link UncheckedIOException} when it cannot be read.
     */
    public static byte[] read(Path file) {
        byte[] bytes = readBounded(file);
        int end = bytes.length;
        while (end > 0 && (bytes[end - 1] == '\n' || bytes[end - 1] == '\r')) {
            end--;
        }
        if (end < MIN_BYTES) {
            throw new IllegalArgumentException("secret file " + file + " is too short: " + end + " bytes, at least "
                    + MIN_BYTES + " are needed (make one with: head -c 48 /dev/urandom | base64 > " + file + ")");
        }
        warnIfShared(file);
        return Arrays.copyOf(bytes, end);
    }

    private static byte[] readBounded(Path file) {
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new IllegalArgumentException("secret file " + file + " is longer than " + MAX_BYTES
                        + " bytes; is it the right file?");
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("secret file " + file + " does not exist");
        } catch (IOException e) {
            String why = e instanceof AccessDeniedException ? "permission denied" : e.getMessage();
            throw new UncheckedIOException("secret file " + file + " cannot be read: " + why, e);
        }
    }

    /** Only a warning: a test's temporary file or a container's mounted secret may be shared. */
    private static void warnIfShared(Path file) {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        try {
            if (view != null && view.readAttributes().permissions().stream().anyMatch(SHARED::contains)) {
                LOG.warn("Secret file {} can be read by group or others; chmod 600 it", file);
            }
        } catch (IOException e) {
            LOG.debug("Could not read the permissions of {}", file, e);
        }
    }
}
