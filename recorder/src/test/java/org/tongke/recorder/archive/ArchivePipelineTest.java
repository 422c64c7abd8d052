package org.tongke.recorder.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongke.recorder.ingest.IngestStore;
import org.tongke.recorder.ingest.LessonKey;
import org.tongke.recorder.ingest.SegmentFiles;
import org.tongke.recorder.ingest.SegmentKey;
import org.tongke.recorder.ingest.Upload;
import org.tongke.recorder.ingest.UploadMetadata;
import org.tongke.recorder.server.Database;
import org.tongke.recorder.storage.LocalFolderStorage;
import org.tongke.recorder.testing.Ffmpeg;

class ArchivePipelineTest {
    private static final String ROOM = "wuzhong/lubo";
    private static final ArchiveSettings FAST = ArchiveSettings.defaults().withPreset("ultrafast");

    @TempDir
    Path dir;
    private Database db;
    private IngestStore store;
    private SegmentFiles files;
    private LocalFolderStorage storage;
    private final List<ArchiveManifest> published = new ArrayList<>();
    private final List<Integer> progress = new ArrayList<>();
    private ArchivePipeline pipeline;

    @BeforeEach
    void setUp() throws Exception {
        db = Database.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", dir);
        store = new IngestStore(db.dataSource());
        files = new SegmentFiles(dir.resolve("ingest"));
        storage = new LocalFolderStorage(dir.resolve("library"));
        ArchiveListeners listeners = new ArchiveListeners();
        listeners.add(published::add);
        pipeline = new ArchivePipeline(store, files, storage, FAST, listeners, new ArchiveStats(), Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void joinsH264AacSegmentsIntoHlsOf720pAnd360pWithARemuxedOriginalPosterThumbnailsAndChecksums() throws Exception {
        LessonKey key = new LessonKey("qt-01-sync#1@2021-11-24", ROOM);
        store(key, "teacher", 0, Ffmpeg.clip(dir.resolve("a.mp4"), 2, 1280, 720, true, "libx264"));
        store(key, "teacher", 1, Ffmpeg.clip(dir.resolve("b.mp4"), 2, 1280, 720, true, "libx264"));
        manifest(key, """
                {"sources":[{"name":"teacher","segments":2,"gaps":[{"from":"2021-11-24T13:29:31+08:00","to":"2021-11-24T13:29:38+08:00","reason":"source reopened"}]}],
                 "startedAt":"2021-11-24T13:29:30+08:00","endedAt":"2021-11-24T13:29:45+08:00"}""");

        pipeline.archive(key, progress::add);

        Path archive = storage.localFolder(ArchivePipeline.archiveName(key)).orElseThrow();
        assertThat(archive.toString()).endsWith("archives/qt-01-sync%231%402021-11-24/wuzhong/lubo");
        JsonNode hd = Ffmpeg.probe(archive.resolve("teacher/720p/index.m3u8"));
        assertThat(Ffmpeg.stream(hd, "video").path("codec_name").asText()).isEqualTo("h264");
        assertThat(Ffmpeg.stream(hd, "video").path("height").asInt()).isEqualTo(720);
        assertThat(Ffmpeg.stream(hd, "audio").path("codec_name").asText()).isEqualTo("aac");
        assertThat(Ffmpeg.duration(hd)).isCloseTo(4.0, within(0.5));
        JsonNode sd = Ffmpeg.probe(archive.resolve("teacher/360p/index.m3u8"));
        assertThat(Ffmpeg.stream(sd, "video").path("width").asInt()).isEqualTo(640);
        assertThat(Ffmpeg.stream(sd, "video").path("height").asInt()).isEqualTo(360);
        JsonNode copy = Ffmpeg.probe(archive.resolve("teacher/original/index.m3u8"));
        assertThat(Ffmpeg.stream(copy, "video").path("height").asInt()).isEqualTo(720);
        assertThat(Ffmpeg.duration(copy)).isCloseTo(4.0, within(0.5));
        assertThat(Ffmpeg.duration(Ffmpeg.probe(archive.resolve("teacher/original.mp4")))).isCloseTo(4.0, within(0.3));
        assertThat(Files.readString(archive.resolve("teacher/master.m3u8")))
                .contains("RESOLUTION=1280x720", "RESOLUTION=640x360", "original/index.m3u8", "720p/index.m3u8", "360p/index.m3u8");
        BufferedImage poster = ImageIO.read(archive.resolve("teacher/poster.jpg").toFile());
        assertThat(poster.getWidth()).isEqualTo(640);
        assertThat(ImageIO.read(archive.resolve("teacher/thumbnails.jpg").toFile()).getWidth()).isEqualTo(160);

        JsonNode manifest = new ObjectMapper().readTree(archive.resolve("manifest.json").toFile());
        JsonNode source = manifest.path("sources").get(0);
        assertThat(source.path("durationSeconds").asDouble()).isCloseTo(4.0, within(0.3));
        assertThat(source.path("width").asInt()).isEqualTo(1280);
        assertThat(source.path("audio").asBoolean()).isTrue();
        assertThat(source.path("renditions").findValuesAsText("name")).containsExactly("original", "720p", "360p");
        assertThat(source.path("renditions").get(0).path("remux").asBoolean()).isTrue();
        JsonNode gap = source.path("marks").get(0);
        assertThat(gap.path("kind").asText()).isEqualTo("gap");
        assertThat(gap.path("at").asDouble()).isEqualTo(1.0);
        assertThat(gap.path("seconds").asDouble()).isEqualTo(7.0);
        for (JsonNode file : manifest.path("files")) {
            Path f = archive.resolve(file.path("path").asText());
            assertThat(Files.size(f)).isEqualTo(file.path("bytes").asLong());
            assertThat(ArchiveFiles.sha256(f)).isEqualTo(file.path("sha256").asText());
        }
        assertThat(manifest.path("files").findValuesAsText("path")).contains("teacher/poster.jpg", "teacher/720p/index.m3u8");
        assertThat(published).hasSize(1);
        assertThat(published.get(0).lesson()).isEqualTo(key.lesson());
        assertThat(progress).isSorted().last().isEqualTo(99);
        assertThat(progress.get(0)).isLessThan(10);
    }

    @Test
    void archivesMpegTsSegmentsOfH264AndAdtsAacAsItArchivesMp4Ones() throws Exception {
        LessonKey key = new LessonKey("qt-06#1@2021-11-24", ROOM);
        store(key, "teacher", 0, Ffmpeg.clip(dir.resolve("0.ts"), 3, 640, 360, true, "libx264"));
        store(key, "teacher", 1, Ffmpeg.clip(dir.resolve("1.ts"), 3, 640, 360, true, "libx264"));
        assertThat(Ffmpeg.probe(dir.resolve("0.ts")).path("format").path("format_name").asText()).isEqualTo("mpegts");
        manifest(key, """
                {"sources":[{"name":"teacher","segments":2}],
                 "startedAt":"2021-11-24T08:00:00+08:00","endedAt":"2021-11-24T08:00:06+08:00"}""");

        pipeline.archive(key, progress::add);

        Path archive = storage.localFolder(ArchivePipeline.archiveName(key)).orElseThrow();
        JsonNode original = Ffmpeg.probe(archive.resolve("teacher/original.mp4"));
        assertThat(original.path("format").path("format_name").asText()).contains("mp4");
        assertThat(Ffmpeg.stream(original, "video").path("codec_name").asText()).isEqualTo("h264");
        assertThat(Ffmpeg.stream(original, "audio").path("codec_name").asText()).isEqualTo("aac");
        assertThat(Ffmpeg.duration(original)).isCloseTo(6.0, within(0.3));
        JsonNode sources = new ObjectMapper().readTree(archive.resolve("manifest.json").toFile()).path("sources");
        assertThat(sources.get(0).path("renditions").findValuesAsText("name")).containsExactly("original", "360p");
        for (String rendition : List.of("original", "360p")) {
            JsonNode hls = Ffmpeg.probe(archive.resolve("teacher/" + rendition + "/index.m3u8"));
            assertThat(Ffmpeg.stream(hls, "video").path("codec_name").asText()).as(rendition).isEqualTo("h264");
            assertThat(Ffmpeg.stream(hls, "video").path("height").asInt()).as(rendition).isEqualTo(360);
            assertThat(Ffmpeg.stream(hls, "audio").path("codec_name").asText()).as(rendition).isEqualTo("aac");
            assertThat(Ffmpeg.duration(hls)).as(rendition).isCloseTo(6.0, within(0.5));
        }
    }

    @Test
    void archivesASegmentWithoutAudioAudioLessAndTranscodesANonH264SourceWithoutACopiedRenditionNextToAnotherSource() throws Exception {
        LessonKey key = new LessonKey("qt-02#1@2021-11-24", ROOM);
        store(key, "screen", 0, Ffmpeg.clip(dir.resolve("s0.mp4"), 2, 320, 180, false, "mpeg4"));
        store(key, "screen", 2, Ffmpeg.clip(dir.resolve("s2.mp4"), 2, 320, 180, false, "mpeg4"));
        store(key, "teacher", 0, Ffmpeg.clip(dir.resolve("t0.mp4"), 2, 320, 180, true, "libx264"));
        manifest(key, """
                {"sources":[{"name":"screen","segments":3},{"name":"teacher","segments":1}],
                 "startedAt":"2021-11-24T08:00:00+08:00","endedAt":"2021-11-24T08:00:06+08:00"}""");

        pipeline.archive(key, progress::add);

        Path archive = storage.localFolder(ArchivePipeline.archiveName(key)).orElseThrow();
        JsonNode probe = Ffmpeg.probe(archive.resolve("screen/180p/index.m3u8"));
        assertThat(Ffmpeg.stream(probe, "video").path("codec_name").asText()).isEqualTo("h264");
        assertThat(Ffmpeg.stream(probe, "audio")).as("no silent track is made up").isNull();
        assertThat(Files.exists(archive.resolve("screen/original"))).isFalse();
        JsonNode sources = new ObjectMapper().readTree(archive.resolve("manifest.json").toFile()).path("sources");
        assertThat(List.of(sources.get(0).path("name").asText(), sources.get(1).path("name").asText())).containsExactly("screen", "teacher");
        assertThat(sources.get(1).path("audio").asBoolean()).isTrue();
        assertThat(sources.get(1).path("renditions").findValuesAsText("name")).containsExactly("original", "180p");
        assertThat(Ffmpeg.stream(Ffmpeg.probe(archive.resolve("teacher/180p/index.m3u8")), "audio")).isNotNull();
        JsonNode source = sources.get(0);
        assertThat(source.path("audio").asBoolean()).isFalse();
        assertThat(source.path("videoCodec").asText()).isEqualTo("mpeg4");
        assertThat(source.path("renditions").findValuesAsText("name")).containsExactly("180p");
        JsonNode missing = source.path("marks").get(0);
        assertThat(missing.path("kind").asText()).isEqualTo("missing-segment");
        assertThat(missing.path("at").asDouble()).isCloseTo(2.0, within(0.2));
    }

    @Test
    void failsOnRandomBytesPosingAsVideoNamingTheSegmentAndPublishesNothing() throws Exception {
        LessonKey key = new LessonKey("qt-03#1@2021-11-24", ROOM);
        Path fake = dir.resolve("fake.mp4");
        byte[] noise = new byte[50_000];
        new Random(1).nextBytes(noise);
        Files.write(fake, noise);
        store(key, "teacher", 0, fake);
        manifest(key, """
                {"sources":[{"name":"teacher","segments":1}],"startedAt":"2021-11-24T08:00:00+08:00","endedAt":"2021-11-24T08:00:06+08:00"}""");

        assertThatThrownBy(() -> pipeline.archive(key, progress::add)).isInstanceOf(ArchiveFailed.class)
                .hasMessageContaining("segment teacher#0 is not media FFmpeg can read");
        assertThat(storage.exists(ArchivePipeline.archiveName(key))).isFalse();
        assertThat(dir.resolve("library/archives/.staging")).isEmptyDirectory();
    }

    @Test
    void failsForALessonWhoseManifestNeverCame() {
        LessonKey key = new LessonKey("nobody-knows#9@2021-11-24", ROOM);
        assertThatThrownBy(() -> pipeline.archive(key, progress::add)).isInstanceOf(ArchiveFailed.class)
                .hasMessageContaining("unknown lesson: no manifest of nobody-knows#9@2021-11-24 in wuzhong/lubo");
    }

    @Test
    void leavesAPublishedArchiveUntouchedWhenTheJobRunsAgain() throws Exception {
        LessonKey key = new LessonKey("qt-04#1@2021-11-24", ROOM);
        store(key, "teacher", 0, Ffmpeg.clip(dir.resolve("t.mp4"), 2, 320, 180, true, "libx264"));
        manifest(key, """
                {"sources":[{"name":"teacher","segments":1}],"startedAt":"2021-11-24T08:00:00+08:00","endedAt":"2021-11-24T08:00:02+08:00"}""");
        pipeline.archive(key, progress::add);
        Path archive = storage.localFolder(ArchivePipeline.archiveName(key)).orElseThrow();
        String manifestBefore = Files.readString(archive.resolve("manifest.json"));
        var modified = Files.getLastModifiedTime(archive.resolve("teacher/original.mp4"));

        pipeline.archive(key, progress::add);

        assertThat(Files.readString(archive.resolve("manifest.json"))).isEqualTo(manifestBefore);
        assertThat(Files.getLastModifiedTime(archive.resolve("teacher/original.mp4"))).isEqualTo(modified);
        assertThat(published).hasSize(2);
        assertThat(published.get(1).files()).isEqualTo(published.get(0).files());
    }

    private void store(LessonKey key, String source, int segment, Path clip) throws Exception {
        UploadMetadata meta = new UploadMetadata(new SegmentKey(key.lesson(), key.classroom(), source, segment),
                clip.getFileName().toString(), ArchiveFiles.sha256(clip));
        Path target = files.segment(meta);
        Files.createDirectories(target.getParent());
        Files.copy(clip, target);
        String id = UUID.randomUUID().toString().replace("-", "");
        long size = Files.size(clip);
        store.insert(new Upload(id, meta, size, size, Upload.State.STORED, Instant.now()));
    }

    private void manifest(LessonKey key, String json) {
        store.putManifest(key, json, Instant.now());
    }
}
