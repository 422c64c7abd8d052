package org.tongke.recorder.ingest;

import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides when a classroom's recording of a lesson goes to the archive: once its manifest is in
 * and every segment it names is stored, or once the manifest has waited {@code wait} (a segment
 * lost on the agent must not hold the lesson back for ever; the archive then marks what is missing).
 */
public final class ReadyLessons {
    private static final Logger LOG = LoggerFactory.getLogger(ReadyLessons.class);

    private final IngestStore store;
    private final ArchiveRequests requests;
    private final Duration wait;
    private final Clock clock;

    public ReadyLessons(IngestStore store, ArchiveRequests requests, Duration wait, Clock clock) {
        this.store = store;
        this.requests = requests;
        this.wait = wait;
        this.clock = clock;
    }

    /** Queues the archive when the manifest and all its segments are in. */
    public synchronized void check(LessonKey key) {
        store.manifest(key).filter(m -> !m.queued()).ifPresent(m -> {
            if (missing(key, ManifestJson.read(m.body())).isEmpty()) {
                queue(key, "all segments stored");
            }
        });
    }

    /** Queues every manifest that has waited past the configured wait; called now and then. */
    public synchronized void sweep() {
        for (IngestStore.StoredManifest m : store.waiting()) {
            List<String> missing = missing(m.key(), ManifestJson.read(m.body()));
            if (missing.isEmpty()) {
                queue(m.key(), "all segments stored");
            } else if (!m.receivedAt().plus(wait).isAfter(clock.instant())) {
                queue(m.key(), "waited " + wait + "; missing " + missing);
            }
        }
    }

    /** The segments the manifest names that are not stored, as {@code source#n}. */
    public List<String> missing(LessonKey key, LessonManifest manifest) {
        Set<String> stored = new HashSet<>();
        store.stored(key).forEach(u -> stored.add(u.key().source() + "#" + u.key().segment()));
        return manifest.sources().stream()
                .flatMap(s -> java.util.stream.IntStream.range(0, s.segments()).mapToObj(i -> s.name() + "#" + i))
                .filter(name -> !stored.contains(name))
                .toList();
    }

    private void queue(LessonKey key, String why) {
        LOG.info("Archive of {} asked for: {}", key, why);
        requests.archive(key);
        store.markQueued(key);
    }
}
