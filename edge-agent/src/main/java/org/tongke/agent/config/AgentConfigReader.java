package org.tongke.agent.config;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.tongke.config.diagnostic.Problems;
import org.tongke.config.yaml.YamlMap;
import org.tongke.config.yaml.YamlText;

/**
 * Reads {@code agent.yaml}. Never throws for bad input: every problem is collected with the
 * file, line and field, and the configuration is built only when there is none.
 */
public final class AgentConfigReader {
    static final Pattern CLASSROOM = Pattern.compile("[a-z0-9][a-z0-9-]*/[a-z0-9][a-z0-9-]*");
    static final Pattern SOURCE_NAME = Pattern.compile("[a-z][a-z0-9-]{0,31}");
    static final int MAX_SOURCES = 8;
    /** A cut costs at most one chunk, a chunk one round trip: 256 KiB is 1 s at 2 Mbit/s (bench/RESULTS.md). */
    static final int DEFAULT_CHUNK = 256 * 1024;
    private static final List<String> KINDS = List.of("rtsp", "v4l2", "file", "lavfi");

    /** The configuration, or the problems that kept it from being built. */
    public record Result(Optional<AgentConfig> config, Problems problems) {
    }

    private final Problems problems = new Problems();
    private final Path file;
    private final String name;
    private final Path base;

    private AgentConfigReader(Path file) {
        this.file = file;
        this.name = file.toString();
        Path parent = file.toAbsolutePath().getParent();
        this.base = parent != null ? parent : Path.of(".");
    }

    public static Result read(Path file) {
        return new AgentConfigReader(file).read();
    }

    private Result read() {
        Optional<YamlMap> root = YamlMap.open(file, name, problems);
        if (root.isEmpty()) {
            return new Result(Optional.empty(), problems);
        }
        YamlMap y = root.get();
        String classroom = classroom(y);
        String token = token(y);
        URI signaling = uri(y, "signaling", List.of("ws", "wss"));
        URI recorder = uri(y, "recorder", List.of("http", "https"));
        ZoneId zone = zone(y);
        List<SourceSpec> sources = sources(y);
        AgentConfig.Storage storage = y.map("storage").map(this::storage).orElse(null);
        AgentConfig.Recording recording = y.optMap("recording").map(this::recording)
                .orElseGet(() -> new AgentConfig.Recording(Duration.ofMinutes(2), Duration.ofMinutes(3),
                        Duration.ofSeconds(60), "mp4"));
        AgentConfig.Upload upload = y.optMap("upload").map(this::upload)
                .orElseGet(() -> new AgentConfig.Upload(DEFAULT_CHUNK, List.of()));
        y.finish();
        if (problems.hasErrors() || storage == null || recording == null || upload == null) {
            return new Result(Optional.empty(), problems);
        }
        return new Result(Optional.of(new AgentConfig(classroom, token, signaling, recorder, zone, sources, storage,
                recording, upload)), problems);
    }

    private String classroom(YamlMap y) {
        String text = y.string("classroom");
        if (text != null && !CLASSROOM.matcher(text).matches()) {
            problems.error(y.location("classroom"), "'" + text + "' is not SCHOOL/ROOM (lower-case ids, like wuzhong/lubo)");
            return null;
        }
        return text;
    }

    private String token(YamlMap y) {
        String text = y.string("tokenFile");
        if (text == null) {
            return null;
        }
        Path tokenFile = base.resolve(text);
        try {
            String token = Files.readString(tokenFile, StandardCharsets.UTF_8).strip();
            if (token.split("\\.", -1).length != 3 || token.contains(" ") || token.contains("\n")) {
                problems.error(y.location("tokenFile"), tokenFile + " does not hold one token (header.claims.signature,"
                        + " as 'token issue' prints it)");
                return null;
            }
            return token;
        } catch (IOException e) {
            problems.error(y.location("tokenFile"), "cannot read " + tokenFile + ": " + e.getMessage());
            return null;
        }
    }

    private URI uri(YamlMap y, String key, List<String> schemes) {
        String text = y.string(key);
        if (text == null) {
            return null;
        }
        try {
            URI uri = new URI(text);
            if (uri.getScheme() == null || !schemes.contains(uri.getScheme()) || uri.getHost() == null) {
                problems.error(y.location(key), "'" + text + "' is not a " + String.join(" or ", schemes)
                        + " URL with a host");
                return null;
            }
            return uri;
        } catch (URISyntaxException e) {
            problems.error(y.location(key), "'" + text + "' is not a URL: " + e.getReason());
            return null;
        }
    }

    private ZoneId zone(YamlMap y) {
        String text = y.optString("timeZone", "Asia/Shanghai");
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            problems.error(y.location("timeZone"), "'" + text + "' is not a time zone (like Asia/Shanghai)");
            return ZoneId.of("Asia/Shanghai");
        }
    }

    private List<SourceSpec> sources(YamlMap y) {
        if (!y.has("sources")) {
            y.string("sources");
            return List.of();
        }
        List<YamlMap> items = y.maps("sources");
        if (y.listSize("sources") == 0) {
            problems.error(y.location("sources"), "at least one source is needed");
        } else if (items.size() > MAX_SOURCES) {
            problems.error(y.location("sources"), items.size() + " sources; at most " + MAX_SOURCES);
        }
        List<SourceSpec> sources = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (YamlMap item : items) {
            String sourceName = item.string("name");
            if (sourceName != null && !SOURCE_NAME.matcher(sourceName).matches()) {
                problems.error(item.location("name"), "'" + sourceName + "' is not a source name (lower-case letters,"
                        + " digits and '-', starting with a letter, at most 32)");
                sourceName = null;
            } else if (sourceName != null && seen.putIfAbsent(sourceName, item.location("name").line()) != null) {
                problems.error(item.location("name"), "source '" + sourceName + "' is named twice (first on line "
                        + seen.get(sourceName) + ")");
                sourceName = null;
            }
            SourceSpec spec = source(item, sourceName);
            if (spec != null) {
                sources.add(spec);
            }
        }
        return sources;
    }

    private SourceSpec source(YamlMap item, String sourceName) {
        List<String> kinds = KINDS.stream().filter(item::has).toList();
        if (kinds.size() != 1) {
            problems.error(item.location(), kinds.isEmpty()
                    ? "a source needs one of " + String.join(", ", KINDS)
                    : "a source is one of " + String.join(", ", KINDS) + ", not " + String.join(" and ", kinds));
            item.keys();
            return null;
        }
        SourceSpec spec = switch (kinds.get(0)) {
            case "rtsp" -> rtsp(item, sourceName);
            case "v4l2" -> v4l2(item, sourceName);
            case "file" -> mediaFile(item, sourceName);
            default -> lavfi(item, sourceName);
        };
        item.finish();
        return sourceName == null ? null : spec;
    }

    private SourceSpec rtsp(YamlMap item, String sourceName) {
        String url = item.string("rtsp");
        if (url != null && !(url.startsWith("rtsp://") || url.startsWith("rtsps://"))) {
            problems.error(item.location("rtsp"), "'" + url + "' is not an rtsp:// URL");
            return null;
        }
        return url == null ? null : new SourceSpec.Rtsp(sourceName, url);
    }

    private SourceSpec v4l2(YamlMap item, String sourceName) {
        String device = item.string("v4l2");
        if (device != null && !device.startsWith("/dev/")) {
            problems.error(item.location("v4l2"), "'" + device + "' is not a device path (like /dev/video0)");
        }
        boolean alsa = item.has("alsa");
        boolean pulse = item.has("pulse");
        if (alsa && pulse) {
            problems.error(item.location("pulse"), "sound comes from alsa or pulse, not both");
        }
        SourceSpec.AudioSystem system = alsa ? SourceSpec.AudioSystem.ALSA
                : pulse ? SourceSpec.AudioSystem.PULSE : SourceSpec.AudioSystem.NONE;
        String audio = alsa ? item.string("alsa") : pulse ? item.string("pulse") : null;
        String size = item.optString("size", "1280x720");
        if (!size.matches("\\d{2,5}x\\d{2,5}")) {
            problems.error(item.location("size"), "'" + size + "' is not WIDTHxHEIGHT (like 1280x720)");
        }
        int fps = item.optInteger("fps", 25, 1, 60);
        return device == null ? null : new SourceSpec.V4l2(sourceName, device, system, audio, size, fps);
    }

    private SourceSpec mediaFile(YamlMap item, String sourceName) {
        String path = item.string("file");
        boolean loop = item.optBoolean("loop", false);
        if (path == null) {
            return null;
        }
        Path resolved = base.resolve(path);
        if (!Files.isRegularFile(resolved)) {
            problems.error(item.location("file"), resolved + " is not a file");
            return null;
        }
        return new SourceSpec.MediaFile(sourceName, resolved.toString(), loop);
    }

    private SourceSpec lavfi(YamlMap item, String sourceName) {
        String video = item.string("lavfi");
        String audio = item.optString("audio", "sine=frequency=440:sample_rate=48000");
        String text = item.optString("text", null);
        if (text != null && (text.contains("'") || text.contains("\\") || text.length() > 100)) {
            problems.error(item.location("text"), "the overlay text may not hold ' or \\ and has at most 100 characters");
        }
        if (video != null && (video.contains(";") || video.contains("["))) {
            problems.error(item.location("lavfi"), "one source filter chain, without ';' or pads (like testsrc2=size=640x360:rate=25)");
        }
        return video == null ? null : new SourceSpec.Lavfi(sourceName, video, audio.equals("none") ? null : audio, text);
    }

    private AgentConfig.Storage storage(YamlMap s) {
        String dir = s.string("dir");
        long minFree = size(s, "minFree", 1L << 30, 0, Long.MAX_VALUE);
        long max = size(s, "maxSize", Long.MAX_VALUE, 1L << 20, Long.MAX_VALUE);
        Duration keep = duration(s, "keepConfirmed", Duration.ofDays(7), Duration.ZERO, Duration.ofDays(365));
        s.finish();
        return dir == null ? null : new AgentConfig.Storage(base.resolve(dir).normalize(), minFree, max, keep);
    }

    private AgentConfig.Recording recording(YamlMap r) {
        Duration pre = duration(r, "preRoll", Duration.ofMinutes(2), Duration.ZERO, Duration.ofMinutes(30));
        Duration post = duration(r, "postRoll", Duration.ofMinutes(3), Duration.ZERO, Duration.ofMinutes(30));
        Duration segment = duration(r, "segment", Duration.ofSeconds(60), Duration.ofSeconds(1), Duration.ofMinutes(10));
        Duration overrun = duration(r, "overrun", AgentConfig.Recording.DEFAULT_OVERRUN, Duration.ZERO, Duration.ofHours(2));
        String format = r.optString("format", "mp4");
        if (!format.equals("mpegts") && !format.equals("mp4")) {
            problems.error(r.location("format"), "'" + format + "' is not mpegts or mp4 (fragmented)");
        }
        r.finish();
        return new AgentConfig.Recording(pre, post, segment, format, overrun);
    }

    private AgentConfig.Upload upload(YamlMap u) {
        long chunk = size(u, "chunk", DEFAULT_CHUNK, 16L << 10, 64L << 20);
        List<UploadCap> caps = new ArrayList<>();
        for (YamlMap c : u.maps("caps")) {
            LocalTime from = c.time("from");
            LocalTime to = c.time("to");
            Set<DayOfWeek> days = EnumSet.allOf(DayOfWeek.class);
            if (c.has("days")) {
                days = EnumSet.noneOf(DayOfWeek.class);
                for (YamlText day : c.texts("days")) {
                    try {
                        days.add(DayOfWeek.valueOf(day.value().toUpperCase(java.util.Locale.ROOT)));
                    } catch (IllegalArgumentException e) {
                        problems.error(day.location(), "'" + day.value() + "' is not a weekday (monday to sunday)");
                    }
                }
            }
            Integer kbps = c.integer("kbps", 8, 10_000_000);
            if (from != null && from.equals(to)) {
                problems.error(c.location("to"), "a cap ends when it starts (" + to + ")");
            }
            c.finish();
            if (from != null && to != null && kbps != null) {
                caps.add(new UploadCap(from, to, days, kbps * 1000L));
            }
        }
        u.finish();
        return new AgentConfig.Upload((int) chunk, caps);
    }

    private long size(YamlMap m, String key, long fallback, long min, long max) {
        String text = m.optString(key, null);
        if (text == null) {
            return fallback;
        }
        Long value = Quantities.bytes(text);
        if (value == null) {
            problems.error(m.location(key), "'" + text + "' is not a size (like 512KB, 2GB)");
            return fallback;
        }
        if (value < min || value > max) {
            problems.error(m.location(key), "'" + text + "' is out of range (" + min + " to "
                    + (max == Long.MAX_VALUE ? "any" : String.valueOf(max)) + " bytes)");
            return fallback;
        }
        return value;
    }

    private Duration duration(YamlMap m, String key, Duration fallback, Duration min, Duration max) {
        String text = m.optString(key, null);
        if (text == null) {
            return fallback;
        }
        Duration value = Quantities.duration(text);
        if (value == null) {
            problems.error(m.location(key), "'" + text + "' is not a duration (like 90s, 2m, 1h, 7d)");
            return fallback;
        }
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            problems.error(m.location(key), "'" + text + "' is out of range (" + min + " to " + max + ")");
            return fallback;
        }
        return value;
    }
}
