package org.tongke.agent.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/**
 * Everything an agent needs to record its classroom and deliver the recordings; read from
 * {@code agent.yaml} by {@link AgentConfigReader} (every key is described in the module README).
 *
 * @param classroom  {@code SCHOOL/ROOM}, the classroom its token is scoped to
 * @param token      the {@code classroom-agent} token, read from the token file
 * @param signaling  {@code ws://} or {@code wss://} URL of the signaling server's {@code /ws}
 * @param recorder   base URL of the recorder ({@code http://host:port})
 */
public record AgentConfig(String classroom, String token, URI signaling, URI recorder, ZoneId timeZone,
                          List<SourceSpec> sources, Storage storage, Recording recording, Upload upload) {
    public AgentConfig {
        sources = List.copyOf(sources);
    }

    /**
     * @param dir             where the schedule cache, segments and the upload journal live
     * @param minFreeBytes    the disk counts as full below this much free space
     * @param maxBytes        the most the agent's recordings may take (Long.MAX_VALUE: no cap)
     * @param keepConfirmed   how long a segment the recorder confirmed stays on disk when there is room
     */
    public record Storage(Path dir, long minFreeBytes, long maxBytes, Duration keepConfirmed) {
    }

    /**
     * @param preRoll  recording starts this long before a lesson
     * @param postRoll and goes on this long after it
     * @param segment  the length of one segment file
     * @param format   {@code mpegts} or {@code mp4} (fragmented)
     * @param overrun  how long past its post-roll a lesson the lead teacher started and has not
     *                 ended yet goes on recording (teachers overrun; the end-lesson stops it)
     */
    public record Recording(Duration preRoll, Duration postRoll, Duration segment, String format, Duration overrun) {
        /** Lessons run over by half an hour at most, then the schedule wins. */
        public static final Duration DEFAULT_OVERRUN = Duration.ofMinutes(30);

        public Recording(Duration preRoll, Duration postRoll, Duration segment, String format) {
            this(preRoll, postRoll, segment, format, DEFAULT_OVERRUN);
        }

        public String extension() {
            return format.equals("mp4") ? "mp4" : "ts";
        }
    }

    /**
     * @param chunkBytes the size of one tus PATCH, each with its own checksum
     * @param caps       bandwidth caps by time of day
     */
    public record Upload(int chunkBytes, List<UploadCap> caps) {
        public Upload {
            caps = List.copyOf(caps);
        }
    }
}
