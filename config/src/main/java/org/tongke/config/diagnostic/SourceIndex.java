package org.tongke.config.diagnostic;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Remembers where each loaded object and each field came from, so that checks made after
 * loading (references, overlaps, double bookings) can still name the file and line.
 */
public final class SourceIndex {
    public static final String SCHOOL = "school";
    public static final String CLASS = "class";
    public static final String TEACHER = "teacher";
    public static final String CLASSROOM = "classroom";
    public static final String PERIOD = "period";
    public static final String COMMUNITY = "community";
    public static final String LESSON = "lesson";
    private static final String ANY = "\u0000*";

    private final Map<Object, Location> objects = new IdentityHashMap<>();
    private final Map<String, Integer> lines = new HashMap<>();
    private final Set<String> unbuilt = new HashSet<>();

    public void recordLine(String file, String path, int line) {
        lines.putIfAbsent(key(file, path), line);
    }

    public void recordObject(Object loaded, Location where) {
        objects.put(loaded, where);
    }

    /** Where an object was loaded from; a bare file location when it was not loaded from YAML. */
    public Location locate(Object loaded, String fallbackFile) {
        Location where = objects.get(loaded);
        return where != null ? where : Location.ofFile(fallbackFile);
    }

    /** A field of a loaded object, on the field's own line when it was written. */
    public Location field(Object loaded, String fallbackFile, String field) {
        Location owner = locate(loaded, fallbackFile);
        String path = Location.childPath(owner.path(), field);
        Integer line = lines.get(key(owner.file(), path));
        return new Location(owner.file(), line != null ? line : owner.line(), path);
    }

    /**
     * Notes a thing that was written but could not be built (its own problem is reported), so
     * that references to it are not reported again as references to nothing.
     */
    public void recordUnbuilt(String kind, String scope, String id) {
        unbuilt.add(kind + '\u0000' + scope + '\u0000' + id);
    }

    public boolean wasUnbuilt(String kind, String scope, String id) {
        return unbuilt.contains(kind + '\u0000' + scope + '\u0000' + id)
                || unbuilt.contains(kind + '\u0000' + scope + '\u0000' + ANY);
    }

    /** Notes that some things of a kind were written but could not even be named (a file that did not parse). */
    public void recordUnknownUnbuilt(String kind, String scope) {
        recordUnbuilt(kind, scope, ANY);
    }

    private static String key(String file, String path) {
        return file + '\u0000' + path;
    }
}
