package org.tongke.signaling.schedule;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongke.signaling.protocol.ServerMessage;

/**
 * The published timetable: the plan's lessons from today (Asia/Shanghai) up to
 * {@link ScheduleSource#DAYS_AHEAD} days ahead, and from them each recording classroom's
 * schedule. A classroom's version rises only when its own lessons change (a new plan, or the
 * window moving on at midnight): it becomes {@code max(previous + 1, now in epoch seconds)}, so
 * it also rises across a restart of the server. Thread-safe; listeners hear the changed
 * classrooms after the lock is released.
 */
public final class Timetable implements ScheduleSource {
    private static final Logger LOG = LoggerFactory.getLogger(Timetable.class);
    private static final ZoneId ZONE = ZoneId.of(TIME_ZONE);
    /** Always with seconds ({@code 13:30:00+08:00}), as the protocol shows them. */
    private static final java.time.format.DateTimeFormatter ISO = java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final Clock clock;
    private final List<Consumer<Set<String>>> listeners = new CopyOnWriteArrayList<>();
    /** The county's recording classrooms, by id; null until known from the county configuration. */
    private final Map<String, KnownClassroom> county;
    private LoadedPlan plan;
    private List<TimetableLesson> window = List.of();
    private Map<String, KnownClassroom> classrooms = Map.of();
    private final Map<String, ClassroomSchedule> schedules = new HashMap<>();

    /** @param countyClassrooms the county's recording classrooms, or null to take them from the plan */
    public Timetable(Clock clock, List<KnownClassroom> countyClassrooms) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (countyClassrooms == null) {
            this.county = null;
        } else {
            this.county = new LinkedHashMap<>();
            countyClassrooms.forEach(c -> county.put(c.id(), c));
        }
    }

    /** Takes a newly published plan; agents of the classrooms whose lessons changed hear of it. */
    public void replace(LoadedPlan next) {
        Set<String> changed;
        synchronized (this) {
            plan = Objects.requireNonNull(next, "plan");
            changed = recompute();
        }
        LOG.info("Timetable of {} ({}): {} lessons in the next {} days; {} classroom schedules changed",
                next.county(), next.version() == null ? "a plan file" : "plan version " + next.version(), window.size(),
                DAYS_AHEAD, changed.size());
        announce(changed);
    }

    /** Moves the window on (run it every few minutes: at midnight a new day comes in). */
    public void refresh() {
        Set<String> changed;
        synchronized (this) {
            if (plan == null) {
                return;
            }
            changed = recompute();
        }
        announce(changed);
    }

    /** The county of the plan, empty before one is loaded. */
    public synchronized Optional<String> county() {
        return Optional.ofNullable(plan).map(LoadedPlan::county);
    }

    @Override
    public synchronized Optional<ClassroomSchedule> schedule(String classroom) {
        return Optional.ofNullable(schedules.get(classroom));
    }

    @Override
    public synchronized List<KnownClassroom> classrooms() {
        if (plan == null && county != null) {
            return List.copyOf(county.values());
        }
        return List.copyOf(classrooms.values());
    }

    @Override
    public synchronized List<TimetableLesson> lessons() {
        return window;
    }

    @Override
    public void subscribe(Consumer<Set<String>> listener) {
        listeners.add(listener);
    }

    private Set<String> recompute() {
        LocalDate today = LocalDate.now(clock.withZone(ZONE));
        LocalDate last = today.plusDays(DAYS_AHEAD);
        window = plan.lessons().stream()
                .filter(l -> !l.start().toLocalDate().isBefore(today) && !l.start().toLocalDate().isAfter(last))
                .sorted(Comparator.comparing(TimetableLesson::start).thenComparing(TimetableLesson::id))
                .toList();
        Map<String, KnownClassroom> known = new LinkedHashMap<>();
        if (county != null) {
            known.putAll(county);
        }
        plan.classrooms().forEach(c -> known.putIfAbsent(c.id(), c));
        classrooms = known;
        Map<String, List<ServerMessage.ScheduledLesson>> byClassroom = new HashMap<>();
        known.keySet().forEach(c -> byClassroom.put(c, new ArrayList<>()));
        for (TimetableLesson l : window) {
            add(byClassroom, known, l, l.host(), ServerMessage.ScheduledLesson.HOST);
            for (String r : l.receivers()) {
                if (!r.equals(l.host())) {
                    add(byClassroom, known, l, r, ServerMessage.ScheduledLesson.RECEIVING);
                }
            }
        }
        long now = clock.instant().getEpochSecond();
        Set<String> changed = new TreeSet<>();
        for (Map.Entry<String, List<ServerMessage.ScheduledLesson>> e : byClassroom.entrySet()) {
            ClassroomSchedule before = schedules.get(e.getKey());
            if (before == null || !before.lessons().equals(e.getValue())) {
                long version = before == null ? now : Math.max(before.version() + 1, now);
                schedules.put(e.getKey(), new ClassroomSchedule(e.getKey(), version, e.getValue()));
                changed.add(e.getKey());
            }
        }
        return changed;
    }

    private static void add(Map<String, List<ServerMessage.ScheduledLesson>> byClassroom,
            Map<String, KnownClassroom> known, TimetableLesson l, String classroom, String role) {
        KnownClassroom k = known.get(classroom);
        byClassroom.computeIfAbsent(classroom, c -> new ArrayList<>()).add(new ServerMessage.ScheduledLesson(l.id(),
                l.title(), k == null ? classroom.substring(0, classroom.indexOf('/')) : k.schoolName(), role,
                ISO.format(l.start()), ISO.format(l.end())));
    }

    private void announce(Set<String> changed) {
        if (changed.isEmpty()) {
            return;
        }
        for (Consumer<Set<String>> listener : listeners) {
            try {
                listener.accept(changed);
            } catch (RuntimeException e) {
                LOG.warn("A timetable listener failed", e);
            }
        }
    }
}
