package org.tongke.recorder.ingest;

import java.util.Objects;
import java.util.regex.Pattern;
import org.tongke.config.auth.Scope;

/** One segment of one source of a classroom's recording of a lesson. */
public record SegmentKey(String lesson, String classroom, String source, int segment) {
    /** A lesson of 6 hours cut into 10-second segments stays far below this. */
    public static final int MAX_SEGMENT = 100_000;
    private static final Pattern SOURCE = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._-]{0,99}");

    public SegmentKey {
        requireLesson(lesson);
        requireClassroom(classroom);
        Objects.requireNonNull(source, "source");
        if (!SOURCE.matcher(source).matches()) {
            throw IngestException.badRequest("source '" + shorten(source)
                    + "' must be 1 to 100 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        if (segment < 0 || segment > MAX_SEGMENT) {
            throw IngestException.badRequest("segment " + segment + " is not between 0 and " + MAX_SEGMENT);
        }
    }

    public LessonKey lessonKey() {
        return new LessonKey(lesson, classroom);
    }

    static String requireLesson(String lesson) {
        try {
            return new Scope(Scope.Type.LESSON, Objects.requireNonNull(lesson, "lesson")).id();
        } catch (RuntimeException e) {
            throw IngestException.badRequest("lesson '" + shorten(lesson) + "' is not a lesson id (REQUIREMENT#N@DATE or an agent's ad hoc id)");
        }
    }

    static String requireClassroom(String classroom) {
        try {
            return new Scope(Scope.Type.CLASSROOM, Objects.requireNonNull(classroom, "classroom")).id();
        } catch (RuntimeException e) {
            throw IngestException.badRequest("classroom '" + shorten(classroom) + "' is not of the form SCHOOL/ROOM");
        }
    }

    static String shorten(String text) {
        String shown = String.valueOf(text);
        shown = shown.length() > 64 ? shown.substring(0, 64) + "..." : shown;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }
}
