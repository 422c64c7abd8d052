package org.tongke.scheduler.ical;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;
import org.tongke.config.county.County;
import org.tongke.scheduler.plan.Plan;

/**
 * Renders a plan as an iCalendar feed (RFC 5545, {@code text/calendar}) for one school, one
 * teacher or one recording classroom: every lesson and research session of theirs, in Beijing
 * time, with UIDs that survive re-plans and the SEQUENCE the caller keeps (see
 * {@link SequenceLedger}). The text is validated by ical4j before it is returned, so a feed that
 * a calendar client would reject is a bug here, reported as an {@link IllegalStateException}.
 *
 * <p>Stateless apart from the county and the clock (DTSTAMP is the time of rendering), so one
 * instance serves every request from any thread. Rendering is CPU work of about 0.2 ms per event,
 * ical4j's validation included (Qingtian's 60 school feeds, 4,599 events: under a second), so it
 * belongs on a worker thread, not an event loop.
 */
public final class PlanCalendars {
    public static final String MEDIA_TYPE = "text/calendar; charset=UTF-8";
    public static final String PRODID = "-//Tongke//同课//ZH";
    static final String UID_SUFFIX = "@tongke";

    private static final Comparator<Dated> BY_TIME = Comparator.comparing(Dated::date)
            .thenComparing(Dated::start).thenComparing(Dated::uid);

    private final County county;
    private final Clock clock;
    private final EventFactory events;

    public PlanCalendars(County county, Clock clock) {
        this.county = Objects.requireNonNull(county, "county");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.events = new EventFactory(new EventTexts(county));
    }

    /** The UID of an occurrence's or research session's event. */
    public static String uid(String occurrenceOrSessionId) {
        return occurrenceOrSessionId + UID_SUFFIX;
    }

    /**
     * Every lesson in which the school hosts or receives, and every research session one of its
     * teachers takes part in. {@code sequences} maps UID to SEQUENCE; a missing UID is 0.
     *
     * @throws IllegalArgumentException when the county has no such school
     */
    public String school(Plan plan, String schoolId, Map<String, Integer> sequences) {
        return render(plan, FeedScope.school(county, schoolId), sequences);
    }

    /**
     * The lessons the teacher leads or assists, and the research sessions they take part in.
     *
     * @throws IllegalArgumentException when the county has no such school or the school no such teacher
     */
    public String teacher(Plan plan, String schoolId, String teacherId, Map<String, Integer> sequences) {
        return render(plan, FeedScope.teacher(county, schoolId, teacherId), sequences);
    }

    /**
     * The lessons held in one recording classroom (录播教室); research sessions need no classroom.
     *
     * @throws IllegalArgumentException when there is no such school or classroom, or it does not record
     */
    public String classroom(Plan plan, String schoolId, String classroomId, Map<String, Integer> sequences) {
        return render(plan, FeedScope.classroom(county, schoolId, classroomId), sequences);
    }

    private String render(Plan plan, FeedScope scope, Map<String, Integer> sequences) {
        Instant stamp = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Calendar calendar = header(scope.name());
        calendar.add(ShanghaiTime.vtimezone());
        Stream<Dated> lessons = plan.occurrences().stream().filter(scope::includes)
                .map(o -> new Dated(o.date(), o.start(), uid(o.id()),
                        events.lesson(o, scope.room(o), stamp, sequence(sequences, o.id()))));
        Stream<Dated> research = plan.research().stream().filter(scope::includes)
                .map(s -> new Dated(s.date(), s.start(), uid(s.id()),
                        events.research(s, stamp, sequence(sequences, s.id()))));
        Stream.concat(lessons, research).sorted(BY_TIME).forEach(d -> calendar.add(d.event()));
        return write(calendar, scope.name());
    }

    private static Calendar header(String name) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODID));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        calendar.add(new XProperty("X-WR-CALNAME", name));
        // Google and Apple calendars show a subscribed feed in this zone when it says so.
        calendar.add(new XProperty("X-WR-TIMEZONE", ShanghaiTime.TZID));
        return calendar;
    }

    private static int sequence(Map<String, Integer> sequences, String id) {
        return sequences.getOrDefault(uid(id), 0);
    }

    /** ical4j validates and writes CRLF lines; {@link OctetFolder} then folds them by octets, not characters. */
    private static String write(Calendar calendar, String name) {
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(true).output(calendar, out);
        } catch (ValidationException e) {
            throw new IllegalStateException("the feed of " + name + " is not valid iCalendar: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return OctetFolder.fold(out.toString());
    }

    /** An event with what it is sorted by: date, start, then UID, so equal plans give equal text. */
    private record Dated(LocalDate date, LocalTime start, String uid, VEvent event) {
    }
}
