package org.tongke.agent.capture;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_AAC;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_NONE;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.av_q2d;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongke.agent.config.AgentConfig;
import org.tongke.agent.config.SourceSpec;

/**
 * Records one source of a lesson on its own thread until told to stop: segment after segment,
 * copying H.264 (and AAC) packets as they come or encoding raw frames, a new segment at the
 * first key frame past the segment length. A source that fails is closed, its segment finished,
 * and it is reopened with backoff (1 s doubling to 30 s); the time it was away is a gap in the
 * manifest. A stop finishes the segment being written.
 */
final class SourceRecorder implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(SourceRecorder.class);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    /** Why a recording loop returned. */
    private enum End { STOPPED, SOURCE_ENDED }

    private final SourceSpec spec;
    private final String lesson;
    private final Path dir;
    private final AgentConfig.Recording settings;
    private final LessonManifest manifest;
    private final SegmentListener listener;
    private final Clock clock;
    private final String preset;
    private volatile boolean stopping;
    private volatile SourceState state = SourceState.STARTING;
    private volatile String error;
    private final FrameRate rate = new FrameRate();
    private int nextIndex;
    private SegmentSink sink;
    private Path overlay;

    SourceRecorder(SourceSpec spec, String lesson, Path dir, AgentConfig.Recording settings, LessonManifest manifest,
                   SegmentListener listener, Clock clock, String preset) {
        this.spec = spec;
        this.lesson = lesson;
        this.dir = dir;
        this.settings = settings;
        this.manifest = manifest;
        this.listener = listener;
        this.clock = clock;
        this.preset = preset;
    }

    void stop() {
        stopping = true;
    }

    SourceState state() {
        return state;
    }

    String error() {
        return error;
    }

    double fps() {
        return state == SourceState.RECORDING ? rate.perSecond(System.nanoTime()) : 0;
    }

    @Override
    public void run() {
        Instant gapFrom = null;
        String gapReason = null;
        try {
            Files.createDirectories(dir);
            manifest.source(spec.name());
            Instant restartGap = clearLeftovers();
            if (restartGap != null) {
                gapFrom = restartGap;
                gapReason = "agent restarted";
            }
            nextIndex = LessonFiles.nextIndex(dir);
            if (spec instanceof SourceSpec.Lavfi l && l.text() != null) {
                overlay = TextOverlay.render(l.text(), dir.resolveSibling(".overlay-" + spec.name() + ".png"));
            }
        } catch (IOException e) {
            fail("cannot prepare " + dir + ": " + e.getMessage());
            return;
        }
        long backoffMs = 1000;
        while (!stopping) {
            FFmpegFrameGrabber grabber = Grabbers.grabber(spec, overlay);
            try {
                grabber.start();
                if (gapFrom != null) {
                    manifest.gap(spec.name(), new Gap(gapFrom, clock.instant(), gapReason));
                    gapFrom = null;
                }
                state = SourceState.RECORDING;
                error = null;
                backoffMs = 1000;
                End end = copyable(grabber) ? copy(grabber) : encode(grabber);
                closeSegment();
                if (end == End.SOURCE_ENDED) {
                    if (!(spec instanceof SourceSpec.MediaFile f)) {
                        // A camera or a device has no end: it stopped sending, and is reopened.
                        throw new IOException("the source stopped sending");
                    }
                    if (f.loop()) {
                        continue;
                    }
                    LOG.info("Source {} of {} ended", spec.name(), lesson);
                    state = SourceState.IDLE;
                    return;
                }
            } catch (Exception | LinkageError e) {
                closeSegmentQuietly();
                if (stopping) {
                    break;
                }
                if (gapFrom == null) {
                    gapFrom = clock.instant();
                    gapReason = "source reopened";
                }
                state = SourceState.REOPENING;
                error = String.valueOf(e.getMessage());
                LOG.warn("Source {} of {} failed ({}); reopening in {} ms", spec.name(), lesson, error, backoffMs);
                sleep(backoffMs);
                backoffMs = Math.min(backoffMs * 2, MAX_BACKOFF.toMillis());
            } finally {
                try {
                    grabber.close();
                } catch (Exception e) {
                    LOG.debug("Closing source {}", spec.name(), e);
                }
            }
        }
        if (gapFrom != null) {
            try {
                manifest.gap(spec.name(), new Gap(gapFrom, clock.instant(), gapReason));
            } catch (IOException e) {
                LOG.warn("Gap of {} not written to the manifest", spec.name(), e);
            }
        }
        state = SourceState.IDLE;
    }

    /** Removes segments left half-written by a crash; the time since the last whole one is a gap, if any. */
    private Instant clearLeftovers() throws IOException {
        Instant lastClosed = null;
        boolean hadAny = false;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.toList()) {
                if (p.getFileName().toString().endsWith(LessonFiles.PART)) {
                    LOG.warn("Removing {}, left half-written by a stop without warning", p);
                    Files.delete(p);
                    hadAny = true;
                } else if (LessonFiles.indexOf(p).isPresent()) {
                    hadAny = true;
                    Instant modified = Files.getLastModifiedTime(p).toInstant();
                    lastClosed = lastClosed == null || modified.isAfter(lastClosed) ? modified : lastClosed;
                }
            }
        }
        if (!hadAny) {
            return null;
        }
        return lastClosed != null ? lastClosed : clock.instant();
    }

    private static boolean copyable(FFmpegFrameGrabber g) {
        int audio = g.getAudioCodec();
        return g.getVideoCodec() == AV_CODEC_ID_H264 && (audio == AV_CODEC_ID_NONE || audio == AV_CODEC_ID_AAC
                || g.getAudioChannels() == 0);
    }

    /** Stream copy: packets as they come, cut at key frames. */
    private End copy(FFmpegFrameGrabber grabber) throws IOException {
        LOG.info("Source {} of {}: copying {} as it comes", spec.name(), lesson, grabber.getVideoCodecName());
        int videoIndex = -1;
        for (int i = 0; i < grabber.getFormatContext().nb_streams(); i++) {
            if (grabber.getFormatContext().streams(i).codecpar().codec_type()
                    == org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO) {
                videoIndex = i;
                break;
            }
        }
        long segmentUs = settings.segment().toNanos() / 1000;
        Pacer pacer = Grabbers.paced(spec) ? null : new Pacer();
        while (!stopping) {
            AVPacket pkt = grabber.grabPacket();
            if (pkt == null) {
                return End.SOURCE_ENDED;
            }
            try {
                if (pkt.stream_index() == videoIndex) {
                    AVStream stream = grabber.getFormatContext().streams(videoIndex);
                    long ts = pkt.pts() != AV_NOPTS_VALUE ? pkt.pts() : pkt.dts();
                    long us = ts == AV_NOPTS_VALUE ? 0 : (long) (ts * av_q2d(stream.time_base()) * 1_000_000);
                    boolean key = (pkt.flags() & AV_PKT_FLAG_KEY) != 0;
                    rate.frame(System.nanoTime());
                    if (pacer != null) {
                        pacer.await(us);
                    }
                    if (sink == null && !key) {
                        continue;
                    }
                    if (sink == null) {
                        openCopySegment(grabber, us);
                    } else if (key && us - sink.startUs >= segmentUs) {
                        closeSegment();
                        openCopySegment(grabber, us);
                    }
                } else if (sink == null) {
                    continue;
                }
                sink.recorder.recordPacket(pkt);
            } finally {
                av_packet_unref(pkt);
            }
        }
        return End.STOPPED;
    }

    private void openCopySegment(FFmpegFrameGrabber grabber, long startUs) throws IOException {
        FFmpegFrameRecorder r = newRecorder(grabber);
        r.setVideoCodec(grabber.getVideoCodec());
        r.setAudioCodec(grabber.getAudioCodec());
        r.setFrameRate(grabber.getFrameRate());
        r.start(grabber.getFormatContext());
        sink = new SegmentSink(r, target(), nextIndex++, startUs);
    }

    /** Encoding: raw frames to H.264 and AAC, a new encoder (so a key frame) for each segment. */
    private End encode(FFmpegFrameGrabber grabber) throws IOException {
        LOG.info("Source {} of {}: encoding {}x{} at {} fps", spec.name(), lesson, grabber.getImageWidth(),
                grabber.getImageHeight(), grabber.getFrameRate());
        long segmentUs = settings.segment().toNanos() / 1000;
        Pacer pacer = Grabbers.paced(spec) ? null : new Pacer();
        while (!stopping) {
            Frame frame = grabber.grab();
            if (frame == null) {
                return End.SOURCE_ENDED;
            }
            boolean video = frame.image != null;
            if (pacer != null) {
                pacer.await(frame.timestamp);
            }
            if (video) {
                rate.frame(System.nanoTime());
                if (sink == null) {
                    openEncodeSegment(grabber, frame.timestamp);
                } else if (frame.timestamp - sink.startUs >= segmentUs) {
                    closeSegment();
                    openEncodeSegment(grabber, frame.timestamp);
                }
                long at = frame.timestamp - sink.startUs;
                if (at > sink.recorder.getTimestamp()) {
                    sink.recorder.setTimestamp(at);
                }
                sink.recorder.record(frame);
            } else if (sink != null && frame.samples != null) {
                sink.recorder.record(frame);
            }
        }
        return End.STOPPED;
    }

    private void openEncodeSegment(FFmpegFrameGrabber grabber, long startUs) throws IOException {
        FFmpegFrameRecorder r = newRecorder(grabber);
        r.setVideoCodec(AV_CODEC_ID_H264);
        r.setPixelFormat(AV_PIX_FMT_YUV420P);
        double fps = grabber.getFrameRate() > 0 ? grabber.getFrameRate() : 25;
        r.setFrameRate(fps);
        r.setGopSize((int) Math.max(1, Math.round(fps * 2)));
        r.setVideoOption("preset", preset);
        r.setVideoOption("crf", "23");
        if (grabber.getAudioChannels() > 0) {
            r.setAudioCodec(AV_CODEC_ID_AAC);
            r.setSampleRate(grabber.getSampleRate());
            r.setAudioBitrate(128_000);
        }
        r.start();
        sink = new SegmentSink(r, target(), nextIndex++, startUs);
    }

    private FFmpegFrameRecorder newRecorder(FFmpegFrameGrabber grabber) {
        Path target = LessonFiles.segment(dir, nextIndex, settings.extension());
        FFmpegFrameRecorder r = new FFmpegFrameRecorder(SegmentSink.partOf(target).toString(), grabber.getImageWidth(),
                grabber.getImageHeight(), grabber.getAudioChannels());
        r.setFormat(settings.format());
        if (settings.format().equals("mp4")) {
            // Fragmented: every fragment written is playable, so a cut file still plays up to it.
            r.setOption("movflags", "frag_keyframe+empty_moov+default_base_moof");
        }
        return r;
    }

    private Path target() {
        return LessonFiles.segment(dir, nextIndex, settings.extension());
    }

    private void closeSegment() throws IOException {
        SegmentSink s = sink;
        if (s == null) {
            return;
        }
        sink = null;
        Path closed;
        try {
            closed = s.close();
        } catch (IOException | RuntimeException e) {
            s.abandon();
            throw e;
        }
        manifest.segmentClosed(spec.name(), s.index);
        listener.segmentClosed(lesson, spec.name(), s.index, closed, clock.instant());
    }

    private void closeSegmentQuietly() {
        try {
            closeSegment();
        } catch (Exception e) {
            LOG.warn("Segment of {} could not be finished", spec.name(), e);
        }
    }

    private void fail(String message) {
        LOG.error("Source {} of {}: {}", spec.name(), lesson, message);
        error = message;
        state = SourceState.FAILED;
    }

    private void sleep(long ms) {
        long until = System.nanoTime() + ms * 1_000_000;
        while (!stopping && System.nanoTime() < until) {
            try {
                Thread.sleep(Math.min(100, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Holds a file's frames back to the wall clock, as a camera would deliver them. */
    private final class Pacer {
        private long firstUs = Long.MIN_VALUE;
        private long startNanos;

        void await(long us) {
            if (firstUs == Long.MIN_VALUE) {
                firstUs = us;
                startNanos = System.nanoTime();
                return;
            }
            long dueNanos = startNanos + (us - firstUs) * 1000;
            long wait = dueNanos - System.nanoTime();
            if (wait > 0 && !stopping) {
                try {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** Frames counted over the last two seconds. */
    static final class FrameRate {
        private final long[] times = new long[256];
        private int next;
        private int count;

        synchronized void frame(long nanos) {
            times[next] = nanos;
            next = (next + 1) % times.length;
            count = Math.min(count + 1, times.length);
        }

        synchronized double perSecond(long now) {
            long window = 2_000_000_000L;
            int n = 0;
            for (int i = 0; i < count; i++) {
                if (now - times[i] <= window) {
                    n++;
                }
            }
            return n / 2.0;
        }
    }
}
