package org.tongke.recorder.archive;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongke.config.export.DomainJson;
import org.tongke.recorder.ingest.IngestStore;
import org.tongke.recorder.ingest.LessonKey;
import org.tongke.recorder.ingest.LessonManifest;
import org.tongke.recorder.ingest.ManifestJson;
import org.tongke.recorder.ingest.SegmentFiles;
import org.tongke.recorder.ingest.Upload;
import org.tongke.recorder.jobs.ArchiveWork;
import org.tongke.recorder.storage.MediaStorage;

/**
 * Makes the archive of a classroom's recording of a lesson from its stored segments and its
 * manifest, in a staging folder, and publishes it whole. An archive already published is
 * left as it is (a redone job only tells the listeners again).
 */
public final class ArchivePipeline implements ArchiveWork {
    private static final Logger LOG = LoggerFactory.getLogger(ArchivePipeline.class);
    private static final ObjectMapper JSON = DomainJson.mapper();
    private static final double REMUX_ORIGINAL = 0.03;
    private static final double REMUX_HLS = 0.02;

    private final IngestStore ingest;
    private final SegmentFiles segments;
    private final MediaStorage storage;
    private final ArchiveSettings settings;
    private final ArchiveListener listener;
    private final ArchiveStats stats;
    private final Clock clock;

    public ArchivePipeline(IngestStore ingest, SegmentFiles segments, MediaStorage storage, ArchiveSettings settings,
                           ArchiveListener listener, ArchiveStats stats, Clock clock) {
        this.ingest = ingest;
        this.segments = segments;
        this.storage = storage;
        this.settings = settings;
        this.listener = listener;
        this.stats = stats;
        this.clock = clock;
    }

    /** {@code LESSON/SCHOOL/ROOM}, the lesson id percent-encoded. */
    public static String archiveName(LessonKey key) {
        return URLEncoder.encode(key.lesson(), StandardCharsets.UTF_8) + "/" + key.classroom();
    }

    @Override
    public void archive(LessonKey key, IntConsumer progress) throws ArchiveFailed, IOException, InterruptedException {
        String name = archiveName(key);
        if (storage.exists(name)) {
            LOG.info("Archive {} is already published; left as it is", name);
            existing(name).ifPresent(this::tell);
            return;
        }
        long started = clock.millis();
        LessonManifest manifest = ManifestJson.read(ingest.manifest(key).orElseThrow(() -> new ArchiveFailed(
                "unknown lesson: no manifest of " + key + " was received")).body());
        List<SourceMedia> media = probe(key, manifest);
        Path staged = storage.stage();
        Path work = Files.createTempDirectory("tongke-archive");
        try {
            Progress p = new Progress(progress, media.stream().mapToLong(SourceMedia::micros).sum());
            List<ArchiveManifest.SourceArchive> sources = new ArrayList<>();
            for (SourceMedia m : media) {
                LessonManifest.Source declared = manifest.sources().stream().filter(s -> s.name().equals(m.name())).findFirst().orElseThrow();
                sources.add(source(m, manifest, declared, staged, work, p));
            }
            List<ArchiveManifest.FileEntry> files = ArchiveFiles.list(staged);
            ArchiveManifest result = new ArchiveManifest(ArchiveManifest.TYPE, ArchiveManifest.VERSION, name, key.lesson(),
                    key.classroom(), manifest.startedAt(), manifest.endedAt(), clock.instant(), sources, files,
                    files.stream().mapToLong(ArchiveManifest.FileEntry::bytes).sum());
            Files.write(staged.resolve("manifest.json"), JSON.writeValueAsBytes(result));
            try {
                storage.publish(staged, name);
            } catch (MediaStorage.ArchiveExists raced) {
                LOG.info("Archive {} was published by another worker meanwhile; this copy is dropped", name);
                return;
            }
            stats.add(media.stream().mapToLong(SourceMedia::micros).sum() / 1000, clock.millis() - started, result.bytes());
            tell(result);
        } finally {
            deleteTree(work);
            if (Files.exists(staged)) {
                deleteTree(staged);
            }
        }
    }

    private List<SourceMedia> probe(LessonKey key, LessonManifest manifest) throws ArchiveFailed {
        Map<String, List<SourceMedia.Segment>> bySource = new LinkedHashMap<>();
        for (Upload u : ingest.stored(key)) {
            bySource.computeIfAbsent(u.key().source(), s -> new ArrayList<>())
                    .add(new SourceMedia.Segment(u.key().segment(), segments.segment(u.metadata()), 0));
        }
        List<SourceMedia> media = new ArrayList<>();
        for (LessonManifest.Source source : manifest.sources()) {
            List<SourceMedia.Segment> files = bySource.getOrDefault(source.name(), List.of()).stream()
                    .filter(s -> s.index() < source.segments()).sorted(Comparator.comparingInt(SourceMedia.Segment::index)).toList();
            if (files.isEmpty()) {
                LOG.warn("Source {} of {} has no stored segment; it is left out of the archive", source.name(), key);
                continue;
            }
            media.add(SourceMedia.probe(source.name(), files));
        }
        if (media.isEmpty()) {
            throw new ArchiveFailed("no segment of " + key + " arrived; nothing to archive");
        }
        return media;
    }

    private ArchiveManifest.SourceArchive source(SourceMedia m, LessonManifest manifest, LessonManifest.Source declared,
                                                 Path staged, Path work, Progress p) throws IOException, ArchiveFailed, InterruptedException {
        Path folder = Files.createDirectories(staged.resolve(m.name()));
        Path list = Concat.list(m, work);
        Remuxer.remux(list, folder.resolve("original.mp4"), "mp4", Map.of(), p.step(m.micros(), REMUX_ORIGINAL));
        double seconds = m.micros() / 1e6;
        List<ArchiveManifest.Rendition> renditions = new ArrayList<>();
        if (m.remuxable()) {
            Path hls = Files.createDirectories(folder.resolve("original"));
            Remuxer.remux(list, hls.resolve("index.m3u8"), "hls", Transcoder.hlsOptions(settings, hls), p.step(m.micros(), REMUX_HLS));
            int kbps = (int) Math.round(folderBytes(hls) * 8 / 1000.0 / Math.max(0.001, seconds));
            renditions.add(new ArchiveManifest.Rendition("original", m.width(), m.height(), kbps, 0, true, m.name() + "/original/index.m3u8"));
        }
        List<Transcoder.Target> targets = Transcoder.targets(m, settings, folder);
        double transcodeShare = 1 - REMUX_ORIGINAL - (m.remuxable() ? REMUX_HLS : 0);
        ArchiveManifest.Thumbnails thumbnails = Transcoder.transcode(list, m, targets, settings, folder, p.step(m.micros(), transcodeShare));
        for (Transcoder.Target t : targets) {
            renditions.add(new ArchiveManifest.Rendition(t.rung().name(), t.width(), t.height(), t.rung().videoKbps(),
                    m.audio() ? t.rung().audioKbps() : 0, false, m.name() + "/" + t.rung().name() + "/index.m3u8"));
        }
        MasterPlaylist.write(folder.resolve("master.m3u8"), renditions, m.audio());
        return new ArchiveManifest.SourceArchive(m.name(), Math.round(seconds * 1000) / 1000.0, m.width(), m.height(),
                SourceMedia.codecName(m.videoCodec()), m.audio() ? SourceMedia.codecName(m.audioCodec()) : null, m.audio(),
                m.segments().size(), m.name() + "/original.mp4", m.name() + "/master.m3u8", renditions,
                m.name() + "/poster.jpg", thumbnails, Timeline.marks(manifest, declared, m, seconds));
    }

    private java.util.Optional<ArchiveManifest> existing(String name) {
        return storage.localFolder(name).map(dir -> dir.resolve("manifest.json")).filter(Files::exists).map(file -> {
            try {
                return JSON.readValue(file.toFile(), ArchiveManifest.class);
            } catch (IOException e) {
                LOG.warn("manifest.json of archive {} cannot be read", name, e);
                return null;
            }
        });
    }

    private void tell(ArchiveManifest manifest) {
        try {
            listener.published(manifest);
        } catch (RuntimeException e) {
            LOG.warn("A listener failed on archive {}; the archive stays published", manifest.archive(), e);
        }
    }

    private static long folderBytes(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path f : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }
}
