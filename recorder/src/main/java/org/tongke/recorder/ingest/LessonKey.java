package org.tongke.recorder.ingest;

/** A classroom's recording of a lesson: what one manifest describes and one archive holds. */
public record LessonKey(String lesson, String classroom) {
    public LessonKey {
        SegmentKey.requireLesson(lesson);
        SegmentKey.requireClassroom(classroom);
    }

    @Override
    public String toString() {
        return lesson + " in " + classroom;
    }
}
