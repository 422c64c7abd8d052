package org.tongke.signaling.schedule;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongke.signaling.protocol.ServerMessage;

/**
 * The schedules of a {@link ScheduleSource} under versions every node of a county agrees on
 * ({@code --redis}): each node numbers a schedule from its own clock, so the same lessons would
 * reach an agent under another version on another node. Each classroom's lessons, as a digest,
 * are agreed with the {@link Versions} the nodes share: lessons some node has numbered already
 * keep that number; new lessons get the local number, or one more than the agreed one when that
 * is larger, so a version still rises with every change. A classroom's schedule is served once
 * agreed; one whose agreement failed (Redis unreachable) is tried again on {@link #refresh}.
 * Thread-safe; listeners hear the classrooms as their agreed schedule changes.
 */
public final class AgreedSchedules implements ScheduleSource {
    private static final Logger LOG = LoggerFactory.getLogger(AgreedSchedules.class);

    /** Where the nodes agree on versions. */
    @FunctionalInterface
    public interface Versions {
        /**
         * The version of {@code classroom}'s lessons with {@code digest}: the one agreed already
         * for that digest, else {@code proposed} or one more than the last agreed, whichever is larger.
         */
        CompletionStage<Long> agree(String classroom, String digest, long proposed);
    }

    private final ScheduleSource local;
    private final Map<String, ClassroomSchedule> agreed = new HashMap<>();
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private final List<Consumer<Set<String>>> listeners = new CopyOnWriteArrayList<>();
    private volatile Versions versions;

    /** @param local the node's own schedules, numbered from its clock */
    public AgreedSchedules(ScheduleSource local) {
        this.local = Objects.requireNonNull(local, "local");
        local.subscribe(this::changed);
    }

    /** Starts agreeing, every classroom's schedule at once; until then none is served. */
    public void agreeWith(Versions versions) {
        this.versions = Objects.requireNonNull(versions, "versions");
        Set<String> all = new TreeSet<>();
        local.classrooms().forEach(c -> all.add(c.id()));
        agree(all);
    }

    @Override
    public synchronized Optional<ClassroomSchedule> schedule(String classroom) {
        return Optional.ofNullable(agreed.get(classroom));
    }

    @Override
    public List<KnownClassroom> classrooms() {
        return local.classrooms();
    }

    @Override
    public List<TimetableLesson> lessons() {
        return local.lessons();
    }

    @Override
    public void subscribe(Consumer<Set<String>> listener) {
        listeners.add(listener);
    }

    /** Moves the local window on, and tries again the classrooms whose agreement failed. */
    @Override
    public void refresh() {
        local.refresh();
        if (!pending.isEmpty()) {
            agree(Set.copyOf(pending));
        }
    }

    /** The digest of a schedule's lessons: equal lessons, equal digest, on any node. */
    public static String digest(List<ServerMessage.ScheduledLesson> lessons) {
        StringBuilder text = new StringBuilder();
        for (ServerMessage.ScheduledLesson l : lessons) {
            // Unit and record separators cannot occur in the plan's ids, titles or times.
            text.append(String.join("\u001f", l.lesson(), l.title(), l.school(), l.role(), l.start(), l.end()))
                    .append('\u001e');
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }

    private void changed(Set<String> classrooms) {
        if (versions != null) {
            agree(classrooms);
        }
    }

    private void agree(Set<String> classrooms) {
        Versions v = versions;
        for (String classroom : classrooms) {
            Optional<ClassroomSchedule> mine = local.schedule(classroom);
            if (mine.isEmpty()) {
                continue;
            }
            ClassroomSchedule s = mine.get();
            pending.add(classroom);
            v.agree(classroom, digest(s.lessons()), s.version()).whenComplete((version, failure) -> {
                if (failure != null) {
                    LOG.warn("Schedule version of {} not agreed with the other nodes: {}; tried again within a minute",
                            classroom, failure.getMessage());
                } else {
                    agreed(s, version);
                }
            });
        }
    }

    private void agreed(ClassroomSchedule s, long version) {
        ClassroomSchedule next = new ClassroomSchedule(s.classroom(), version, s.lessons());
        synchronized (this) {
            if (!local.schedule(s.classroom()).map(ClassroomSchedule::lessons).equals(Optional.of(s.lessons()))) {
                return; // the lessons changed meanwhile: their own agreement follows
            }
            pending.remove(s.classroom());
            if (next.equals(agreed.get(s.classroom()))) {
                return;
            }
            agreed.put(s.classroom(), next);
        }
        for (Consumer<Set<String>> listener : listeners) {
            try {
                listener.accept(Set.of(s.classroom()));
            } catch (RuntimeException e) {
                LOG.warn("A schedule listener failed", e);
            }
        }
    }
}
