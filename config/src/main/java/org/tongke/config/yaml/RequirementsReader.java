package org.tongke.config.yaml;

import java.util.ArrayList;
import java.util.List;
import org.tongke.config.requirement.ClassRef;
import org.tongke.config.requirement.LessonKind;
import org.tongke.config.requirement.LessonRequirement;
import org.tongke.config.requirement.ResearchRequirement;
import org.tongke.config.requirement.TeacherRef;

/** Reads a {@code requirements/*.yaml} file: lessons across schools and teaching research. */
final class RequirementsReader {
    private static final List<String> KINDS = List.of("synchronized", "dedicated-delivery", "master-teacher");

    record Result(List<LessonRequirement> lessons, List<ResearchRequirement> research) {
    }

    private RequirementsReader() {
    }

    static Result read(YamlMap map) {
        List<LessonRequirement> lessons = new ArrayList<>();
        for (YamlMap item : map.maps("lessons")) {
            LessonRequirement lesson = lesson(item);
            if (lesson != null) {
                lessons.add(CalendarReader.record(item, lesson));
            } else if (item.has("id")) {
                item.index().recordUnbuilt(org.tongke.config.diagnostic.SourceIndex.LESSON, "", item.optString("id", ""));
            }
        }
        List<ResearchRequirement> research = new ArrayList<>();
        for (YamlMap item : map.maps("research")) {
            ResearchRequirement r = research(item);
            if (r != null) {
                research.add(CalendarReader.record(item, r));
            }
        }
        map.finish();
        return new Result(lessons, research);
    }

    private static LessonRequirement lesson(YamlMap item) {
        String id = item.string("id");
        String community = item.string("community");
        LessonKind kind = item.choice("kind", LessonKind::fromKey, KINDS);
        String subject = item.string("subject");
        ClassRef host = item.map("host").map(h -> classRef(h, "teacher", true)).orElse(null);
        List<ClassRef> receivers = new ArrayList<>();
        for (YamlMap r : item.maps("receivers")) {
            ClassRef ref = classRef(r, "assistant", false);
            if (ref != null) {
                receivers.add(ref);
            }
        }
        if (!item.has("receivers")) {
            item.problems().error(item.location("receivers"), "required field is missing");
        }
        Integer perWeek = item.integer("perWeek", 1, 20);
        Integer duration = item.integer("duration", 5, 240);
        boolean allowSwap = item.optBoolean("allowSwap", false);
        item.finish();
        if (id == null || community == null || kind == null || subject == null || host == null
                || perWeek == null || duration == null) {
            return null;
        }
        return new LessonRequirement(id, community, kind, subject, host, receivers, perWeek, duration, allowSwap);
    }

    private static ClassRef classRef(YamlMap map, String teacherKey, boolean teacherRequired) {
        String school = map.string("school");
        String classId = map.string("class");
        String teacher = teacherRequired ? map.string(teacherKey) : map.optString(teacherKey, null);
        map.finish();
        if (school == null || classId == null || teacherRequired && teacher == null) {
            return null;
        }
        return CalendarReader.record(map, new ClassRef(school, classId, teacher));
    }

    private static ResearchRequirement research(YamlMap item) {
        String id = item.string("id");
        String community = item.string("community");
        String subject = item.string("subject");
        int online = item.optInteger("onlinePerTerm", 0, 0, 100);
        int offline = item.optInteger("offlinePerTerm", 0, 0, 100);
        int duration = item.optInteger("duration", 60, 5, 480);
        List<TeacherRef> participants = new ArrayList<>();
        for (YamlMap p : item.maps("participants")) {
            String school = p.string("school");
            String teacher = p.string("teacher");
            p.finish();
            if (school != null && teacher != null) {
                participants.add(CalendarReader.record(p, new TeacherRef(school, teacher)));
            }
        }
        List<String> follows = item.texts("follows").stream().map(YamlText::value).toList();
        item.finish();
        if (id == null || community == null || subject == null) {
            return null;
        }
        return new ResearchRequirement(id, community, subject, online, offline, duration, participants, follows);
    }
}
