package org.tongke.scheduler.ical;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.TextList;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import org.tongke.scheduler.plan.Occurrence;
import org.tongke.scheduler.plan.Participant;
import org.tongke.scheduler.plan.ResearchSession;

/**
 * Builds the VEVENT of a lesson or a research session. Every event carries ORGANIZER because a
 * feed is METHOD:PUBLISH, for which RFC 5546 (and ical4j's validator) requires one: the lead
 * teacher for a lesson, the community for research. Nobody here has a mail address, so the
 * organizer is a {@code urn:tongke:} name with the person's or community's name as CN.
 */
final class EventFactory {
    private final EventTexts texts;

    EventFactory(EventTexts texts) {
        this.texts = texts;
    }

    /** {@code room} is the viewer's own room of the lesson, where LOCATION points. */
    VEvent lesson(Occurrence o, Participant room, Instant stamp, int sequence) {
        VEvent event = event(o.id(), o.date(), o.start(), o.end(), stamp, sequence);
        event.add(new Summary(texts.summary(o)));
        event.add(new Location(texts.location(room)));
        event.add(new Description(texts.description(o)));
        event.add(new Categories(new TextList(o.kind().chinese())));
        event.add(lead(o.host()));
        return event;
    }

    VEvent research(ResearchSession s, Instant stamp, int sequence) {
        VEvent event = event(s.id(), s.date(), s.start(), s.end(), stamp, sequence);
        event.add(new Summary(texts.summary(s)));
        if (s.location() != null) {
            event.add(new Location(s.location()));
        }
        event.add(new Description(texts.description(s)));
        event.add(new Categories(new TextList(texts.mode(s))));
        event.add(organizer(texts.communityName(s.community()), "community:" + s.community()));
        return event;
    }

    private VEvent event(String id, LocalDate date, LocalTime start, LocalTime end, Instant stamp, int sequence) {
        Objects.requireNonNull(start, () -> id + " has no start time");
        Objects.requireNonNull(end, () -> id + " has no end time");
        VEvent event = new VEvent(false);
        event.add(new Uid(PlanCalendars.uid(id)));
        event.add(new DtStamp(stamp));
        event.add(ShanghaiTime.start(date, start));
        event.add(ShanghaiTime.end(date, end));
        event.add(new Status(Status.VALUE_CONFIRMED));
        event.add(new Sequence(sequence));
        return event;
    }

    /** The lead teacher, or the host school when the requirement names no teacher. */
    private Organizer lead(Participant host) {
        if (host.teacher() == null) {
            return organizer(host.schoolName(), "school:" + host.school());
        }
        return organizer(texts.teacherName(host.school(), host.teacher()) + "（" + host.schoolName() + "）",
                "teacher:" + host.school() + ":" + host.teacher());
    }

    private static Organizer organizer(String name, String urn) {
        // The three-argument URI constructor quotes whatever an id holds that a URI may not.
        URI address = uri("tongke:" + urn);
        return new Organizer(new ParameterList(List.of(new Cn(name))), address);
    }

    private static URI uri(String specific) {
        try {
            return new URI("urn", specific, null);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("cannot name organizer urn:" + specific, e);
        }
    }
}
