package org.tongke.config.diagnostic;

import java.util.Objects;

/**
 * Where a value stands: the file relative to the configuration folder, its 1-based line (0 when
 * unknown) and the field path inside the file ({@code bellSchedule.monday[2].end}).
 */
public record Location(String file, int line, String path) {
    public Location {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(path, "path");
    }

    public static Location ofFile(String file) {
        return new Location(file, 0, "");
    }

    public static String childPath(String parent, String key) {
        return parent.isEmpty() ? key : parent + "." + key;
    }

    public static String itemPath(String parent, int index) {
        return parent + "[" + index + "]";
    }

    @Override
    public String toString() {
        String where = line > 0 ? file + ":" + line : file;
        return path.isEmpty() ? where : where + " " + path;
    }
}
