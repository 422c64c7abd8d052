package org.tongke.signaling.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The files of one page, read from the class path once and served from memory: {@code /PAGE} is
 * the page's {@code index.html}, {@code /PAGE/FILE} one of its listed files, anything else none.
 */
public final class StaticResources {
    /** The console of the lead teacher, the rural rooms and observing staff. */
    public static final List<String> CONSOLE_FILES = List.of("index.html", "style.css", "app.js", "i18n.js",
            "signaling.js", "room.js", "peers.js", "bridge-channel.js", "quality.js", "view.js");

    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8");

    private final String mount;
    private final Map<String, Resource> files;

    /**
     * @param mount        the path the page answers on, e.g. {@code /console}
     * @param resourceBase the class path folder holding the files, e.g. {@code org/tongke/signaling/web/console}
     * @param names        the files; a missing one is an error here, not a 404 later
     */
    public StaticResources(String mount, String resourceBase, List<String> names) {
        this(mount, names.stream().collect(Collectors.toMap(Function.identity(), name -> resourceBase + "/" + name)));
    }

    /** @param resources each file's name under the mount, with the class path resource it is read from */
    public StaticResources(String mount, Map<String, String> resources) {
        this.mount = mount;
        this.files = resources.entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey,
                e -> new Resource(read(e.getValue()), type(e.getKey()))));
    }

    /** The console page on {@code /console}, with the language choice every page shares (config module). */
    public static StaticResources console() {
        Map<String, String> resources = new java.util.HashMap<>();
        CONSOLE_FILES.forEach(name -> resources.put(name, "org/tongke/signaling/web/console/" + name));
        resources.put(SHARED_I18N, "org/tongke/config/web/i18n-core.js");
        return new StaticResources("/console", resources);
    }

    /** Where the console's i18n.js finds the shared language choice. */
    static final String SHARED_I18N = "shared/i18n-core.js";

    /** The file a request path names, if it is one of this page's. */
    public Optional<Resource> find(String path) {
        if (path.equals(mount) || path.equals(mount + "/")) {
            return Optional.ofNullable(files.get("index.html"));
        }
        if (!path.startsWith(mount + "/")) {
            return Optional.empty();
        }
        return Optional.ofNullable(files.get(path.substring(mount.length() + 1)));
    }

    private static byte[] read(String resource) {
        try (InputStream in = StaticResources.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Page file " + resource + " is missing from the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Unable to read page file " + resource, e);
        }
    }

    private static String type(String name) {
        String type = TYPES.get(name.substring(name.lastIndexOf('.') + 1));
        if (type == null) {
            throw new IllegalArgumentException("Page file " + name + " has no known content type");
        }
        return type;
    }

    /** One file: its bytes (shared, never to be changed) and its content type. */
    public record Resource(byte[] body, String contentType) {
    }
}
