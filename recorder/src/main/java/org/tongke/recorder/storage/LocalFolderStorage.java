package org.tongke.recorder.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Archives in a local folder: {@code ROOT/archives/NAME/}, staged in {@code ROOT/archives/.staging/}
 * on the same file system, so publishing is one rename after every file and folder is synced.
 */
public final class LocalFolderStorage implements MediaStorage {
    /** Names are path parts of letters, digits and {@code % . _ -}, joined by '/'; nothing climbs out. */
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}%_-][\\p{L}\\p{N}%._-]*(/[\\p{L}\\p{N}%_-][\\p{L}\\p{N}%._-]*)*");

    private final Path archives;
    private final Path staging;

    public LocalFolderStorage(Path root) throws IOException {
        this.archives = root.resolve("archives");
        this.staging = archives.resolve(".staging");
        Files.createDirectories(staging);
    }

    @Override
    public Path stage() throws IOException {
        return Files.createDirectory(staging.resolve(UUID.randomUUID().toString()));
    }

    @Override
    public void publish(Path staged, String name) throws IOException {
        Path target = folder(name);
        if (!staged.getParent().equals(staging)) {
            throw new IllegalArgumentException(staged + " was not staged by this storage");
        }
        if (Files.exists(target)) {
            throw new ArchiveExists(name);
        }
        syncTree(staged);
        Files.createDirectories(target.getParent());
        try {
            Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
            throw new ArchiveExists(name);
        }
        sync(target.getParent());
        sync(staging);
    }

    @Override
    public boolean exists(String name) {
        return Files.isDirectory(folder(name));
    }

    @Override
    public List<String> files(String name) throws IOException {
        Path root = folder(name);
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
    }

    @Override
    public Optional<Path> localFolder(String name) {
        return exists(name) ? Optional.of(folder(name)) : Optional.empty();
    }

    @Override
    public void discardStaged() throws IOException {
        try (Stream<Path> leftovers = Files.list(staging)) {
            for (Path dir : leftovers.toList()) {
                deleteTree(dir);
            }
        }
    }

    @Override
    public void discardStaged(java.time.Duration idle, java.time.Instant now) throws IOException {
        try (Stream<Path> leftovers = Files.list(staging)) {
            for (Path dir : leftovers.toList()) {
                if (lastWrite(dir).plus(idle).isBefore(now)) {
                    deleteTree(dir);
                }
            }
        }
    }

    private static java.time.Instant lastWrite(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            java.time.Instant last = java.time.Instant.EPOCH;
            for (Path p : walk.toList()) {
                java.time.Instant t = Files.getLastModifiedTime(p).toInstant();
                last = t.isAfter(last) ? t : last;
            }
            return last;
        }
    }

    private Path folder(String name) {
        if (name == null || !NAME.matcher(name).matches() || name.length() > 500) {
            throw new IllegalArgumentException("archive name '" + name + "' is not path parts of letters, digits, '%', '.', '_', '-'");
        }
        return archives.resolve(name);
    }

    private static void syncTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                if (Files.isRegularFile(p)) {
                    try (FileChannel channel = FileChannel.open(p, StandardOpenOption.WRITE)) {
                        channel.force(true);
                    }
                } else {
                    sync(p);
                }
            }
        }
    }

    private static void sync(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
