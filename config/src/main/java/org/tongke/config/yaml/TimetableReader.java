package org.tongke.config.yaml;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import org.tongke.config.school.SlotKind;
import org.tongke.config.school.TimetableEntry;

/**
 * Reads a school's weekly timetable, one row per class and weekday as it is printed on the
 * wall: {@code {class: g4c1, day: monday, periods: [语文 li-hua, 数学 wang-fang, 自习]}}. A row
 * starts at period 1 unless {@code from} says otherwise.
 */
final class TimetableReader {
    static final List<String> SELF_STUDY = List.of("自习", "self-study");
    static final List<String> FREE = List.of("空", "free");

    private TimetableReader() {
    }

    static List<TimetableEntry> read(YamlMap school) {
        List<TimetableEntry> entries = new ArrayList<>();
        for (YamlMap row : school.maps("timetable")) {
            String classId = row.string("class");
            DayOfWeek day = row.weekday("day");
            int from = row.optInteger("from", 1, 1, 20);
            List<YamlText> cells = row.texts("periods");
            if (!row.has("periods")) {
                row.problems().error(row.location("periods"), "required field is missing");
            }
            row.finish();
            if (classId == null || day == null) {
                continue;
            }
            for (int i = 0; i < cells.size(); i++) {
                TimetableEntry entry = cell(cells.get(i), classId, day, from + i, row);
                if (entry != null) {
                    row.index().recordObject(entry, cells.get(i).location());
                    entries.add(entry);
                }
            }
        }
        return entries;
    }

    private static TimetableEntry cell(YamlText cell, String classId, DayOfWeek day, int period, YamlMap row) {
        String text = cell.value();
        if (SELF_STUDY.contains(text)) {
            return TimetableEntry.open(classId, day, period, SlotKind.SELF_STUDY);
        }
        if (FREE.contains(text)) {
            return TimetableEntry.open(classId, day, period, SlotKind.FREE);
        }
        // A Chinese keyboard types the full-width space (U+3000) as readily as the ASCII one.
        String[] parts = text.split("[\\s\u3000]+");
        if (parts.length != 2) {
            row.problems().error(cell.location(), "'" + text
                    + "' is not a timetable cell (expected 'subject teacher-id', 自习/self-study or 空/free)");
            return null;
        }
        return TimetableEntry.lesson(classId, day, period, parts[0], parts[1]);
    }
}
