package org.tongke.recorder.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The ingest folder: {@code uploads/ID.part} while bytes arrive, then
 * {@code segments/LESSON/SCHOOL/ROOM/SOURCE/NNNNN.EXT} once whole and checked. Everything that
 * counts is synced before the database says so.
 */
public final class SegmentFiles {
    private static final Pattern EXTENSION = Pattern.compile("\\.[a-z0-9]{1,5}");

    private final Path uploads;
    private final Path segments;

    public SegmentFiles(Path root) {
        this.uploads = root.resolve("uploads");
        this.segments = root.resolve("segments");
        try {
            Files.createDirectories(uploads);
            Files.createDirectories(segments);
        } catch (IOException e) {
            throw new UncheckedIOException("ingest folder " + root + " cannot be made: " + e.getMessage(), e);
        }
    }

    public Path part(String uploadId) {
        return uploads.resolve(uploadId + ".part");
    }

    /** Where a stored segment lives; the lesson id is percent-encoded ('#', '@' and Chinese ids stay safe). */
    public Path segment(UploadMetadata metadata) {
        SegmentKey k = metadata.key();
        String[] room = k.classroom().split("/");
        return segments.resolve(URLEncoder.encode(k.lesson(), StandardCharsets.UTF_8)).resolve(room[0]).resolve(room[1])
                .resolve(k.source()).resolve(String.format(Locale.ROOT, "%05d%s", k.segment(), extension(metadata.filename())));
    }

    public void createPart(String uploadId) {
        try {
            Files.write(part(uploadId), new byte[0], StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            sync(uploads);
        } catch (IOException e) {
            throw new UncheckedIOException("upload file for " + uploadId + " cannot be made: " + e.getMessage(), e);
        }
    }

    /** Cuts bytes past {@code offset} that never made it into the database (a crash mid-chunk, a bad chunk). */
    public void truncate(String uploadId, long offset) {
        try (FileChannel channel = FileChannel.open(part(uploadId), StandardOpenOption.WRITE)) {
            if (channel.size() > offset) {
                channel.truncate(offset);
                channel.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("upload file of " + uploadId + " cannot be cut to " + offset + ": " + e.getMessage(), e);
        }
    }

    /** Syncs the upload's bytes; called before an offset is written to the database. */
    public void syncPart(String uploadId) {
        try (FileChannel channel = FileChannel.open(part(uploadId), StandardOpenOption.WRITE)) {
            channel.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("upload file of " + uploadId + " cannot be synced: " + e.getMessage(), e);
        }
    }

    public String sha256(Path file) {
        MessageDigest digest = ChunkChecksum.digest("SHA-256");
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file + " cannot be read: " + e.getMessage(), e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Moves the whole, checked upload to its segment's place, atomically, and syncs both folders. */
    public Path publish(String uploadId, UploadMetadata metadata) {
        Path target = segment(metadata);
        try {
            syncPart(uploadId);
            Files.createDirectories(target.getParent());
            Files.move(part(uploadId), target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            sync(target.getParent());
            sync(uploads);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("segment " + target + " cannot be stored: " + e.getMessage(), e);
        }
    }

    public void deletePart(String uploadId) {
        try {
            Files.deleteIfExists(part(uploadId));
        } catch (IOException e) {
            throw new UncheckedIOException("upload file of " + uploadId + " cannot be deleted: " + e.getMessage(), e);
        }
    }

    static String extension(String filename) {
        int dot = filename.lastIndexOf('.');
        String ext = dot < 0 ? "" : filename.substring(dot).toLowerCase(Locale.ROOT);
        return EXTENSION.matcher(ext).matches() ? ext : ".bin";
    }

    /** A directory's entry for a new or moved file survives a power cut only once the directory is synced. */
    static void sync(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
