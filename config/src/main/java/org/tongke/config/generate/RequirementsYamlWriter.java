package org.tongke.config.generate;

import java.util.List;
import org.tongke.config.requirement.ClassRef;
import org.tongke.config.requirement.LessonRequirement;
import org.tongke.config.requirement.ResearchRequirement;
import org.tongke.config.requirement.TeacherRef;

/** Writes one {@code requirements/<community>.yaml}: a community's lessons across schools and its research. */
final class RequirementsYamlWriter {
    private RequirementsYamlWriter() {
    }

    static String render(String title, List<LessonRequirement> lessons, List<ResearchRequirement> research,
                         String generatedBy) {
        YamlOut out = new YamlOut().header(title + ": the lessons across schools it wants every week and the"
                + " teaching research (教研) it holds every term.", generatedBy);
        if (!lessons.isEmpty()) {
            out.key(0, "lessons");
            lessons.forEach(l -> lesson(out, l));
        }
        if (!research.isEmpty()) {
            out.key(0, "research");
            research.forEach(r -> research(out, r));
        }
        return out.toString();
    }

    private static void lesson(YamlOut out, LessonRequirement l) {
        out.comment(1, l.kind().chinese() + ", " + l.subject());
        out.item(1, "id: " + YamlScalars.text(l.id()));
        out.entry(2, "community", YamlScalars.text(l.community()));
        out.entry(2, "kind", l.kind().key());
        out.entry(2, "subject", YamlScalars.text(l.subject()));
        out.entry(2, "host", new Flow().text("school", l.host().school()).text("class", l.host().classId())
                .text("teacher", l.host().teacher()).toString());
        out.key(2, "receivers");
        for (ClassRef r : l.receivers()) {
            out.item(3, new Flow().text("school", r.school()).text("class", r.classId()).optText("assistant", r.teacher()));
        }
        out.entry(2, "perWeek", Integer.toString(l.perWeek()));
        out.entry(2, "duration", Integer.toString(l.durationMinutes()));
        if (l.allowSwap()) {
            out.entry(2, "allowSwap", "true");
        }
    }

    private static void research(YamlOut out, ResearchRequirement r) {
        out.item(1, "id: " + YamlScalars.text(r.id()));
        out.entry(2, "community", YamlScalars.text(r.community()));
        out.entry(2, "subject", YamlScalars.text(r.subject()));
        out.entry(2, "onlinePerTerm", Integer.toString(r.onlinePerTerm()));
        out.entry(2, "offlinePerTerm", Integer.toString(r.offlinePerTerm()));
        out.entry(2, "duration", Integer.toString(r.durationMinutes()));
        if (!r.participants().isEmpty()) {
            out.key(2, "participants");
            for (TeacherRef p : r.participants()) {
                out.item(3, new Flow().text("school", p.school()).text("teacher", p.teacher()));
            }
        }
        if (!r.follows().isEmpty()) {
            out.entry(2, "follows", Flow.texts(r.follows()));
        }
    }
}
