package org.tongke.signaling.schedule;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the dated lessons of a scheduler plan (docs/plan-format.md) into {@link LoadedPlan}: the
 * plan file's envelope {@code {"format": "tongke-plan", "version": 1, "plan": ...}} or the
 * scheduler API's answer {@code {"version": N, "plan": ...}}. Only the fields the server needs,
 * in small records of its own; unknown fields are ignored.
 */
public final class PlanReader {
    public static final String FORMAT = "tongke-plan";
    private static final ZoneId ZONE = ZoneId.of(ScheduleSource.TIME_ZONE);
    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    record Document(String format, Long version, Body plan) {
    }

    record Body(String county, List<Occurrence> occurrences) {
    }

    record Occurrence(String id, String date, String start, String end, String subject, Room host, List<Room> receivers) {
    }

    record Room(String school, String schoolName, String classroom, String className) {
    }

    private PlanReader() {
    }

    /**
     * @param where the file or URL, named in errors
     * @throws IllegalArgumentException naming {@code where}, the field and what is wrong
     */
    public static LoadedPlan read(byte[] json, String where) {
        Document doc;
        try {
            doc = JSON.readValue(json, Document.class);
        } catch (IOException e) {
            throw new IllegalArgumentException(where + ": not a plan: " + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()), e);
        }
        if (doc == null || doc.plan() == null) {
            throw new IllegalArgumentException(where + ": field 'plan' is missing");
        }
        Long planVersion = doc.version();
        if (doc.format() != null) {
            if (!FORMAT.equals(doc.format()) || doc.version() == null || doc.version() != 1) {
                throw new IllegalArgumentException(where + ": 'format' and 'version' must be " + FORMAT + " and 1, not "
                        + doc.format() + " " + doc.version());
            }
            planVersion = null;
        }
        Body plan = doc.plan();
        if (plan.county() == null || plan.county().isBlank()) {
            throw new IllegalArgumentException(where + ": field 'plan.county' is missing");
        }
        List<TimetableLesson> lessons = new ArrayList<>();
        Map<String, KnownClassroom> classrooms = new LinkedHashMap<>();
        for (Occurrence o : plan.occurrences() == null ? List.<Occurrence>of() : plan.occurrences()) {
            lessons.add(lesson(o, where, classrooms));
        }
        return new LoadedPlan(plan.county(), planVersion, lessons, List.copyOf(classrooms.values()));
    }

    private static TimetableLesson lesson(Occurrence o, String where, Map<String, KnownClassroom> classrooms) {
        String at = where + ": occurrence " + o.id();
        if (o.id() == null || o.host() == null) {
            throw new IllegalArgumentException(at + ": fields 'id' and 'host' are required");
        }
        LocalDate date;
        LocalTime start;
        LocalTime end;
        try {
            date = LocalDate.parse(String.valueOf(o.date()));
            start = LocalTime.parse(String.valueOf(o.start()));
            end = LocalTime.parse(String.valueOf(o.end()));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(at + ": 'date' must be YYYY-MM-DD and 'start', 'end' HH:MM: "
                    + e.getMessage(), e);
        }
        String host = classroom(o.host(), at + ": host", classrooms);
        List<String> receivers = new ArrayList<>();
        for (Room r : o.receivers() == null ? List.<Room>of() : o.receivers()) {
            receivers.add(classroom(r, at + ": receiver", classrooms));
        }
        String title = (o.subject() == null ? "" : o.subject() + " · ")
                + (o.host().schoolName() == null ? o.host().school() : o.host().schoolName())
                + (o.host().className() == null ? "" : " " + o.host().className());
        return new TimetableLesson(o.id(), title, OffsetDateTime.of(date, start, ZONE.getRules().getOffset(
                date.atTime(start))), OffsetDateTime.of(date, end, ZONE.getRules().getOffset(date.atTime(end))),
                host, receivers);
    }

    private static String classroom(Room room, String at, Map<String, KnownClassroom> classrooms) {
        if (room.school() == null || room.classroom() == null) {
            throw new IllegalArgumentException(at + ": fields 'school' and 'classroom' are required");
        }
        String id = room.school() + "/" + room.classroom();
        classrooms.putIfAbsent(id, new KnownClassroom(id, room.schoolName() == null ? room.school() : room.schoolName(),
                room.classroom()));
        return id;
    }
}
