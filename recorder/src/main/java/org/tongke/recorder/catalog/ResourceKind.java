package org.tongke.recorder.catalog;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The teaching resources kept beside the videos (seed 003: 导学单、教学设计、教学资源、课堂练习). */
public enum ResourceKind {
    /** 课件: slides or other material shown in the lesson. */
    COURSEWARE("courseware"),
    /** 教学设计: the lesson design. */
    LESSON_DESIGN("lesson-design"),
    /** 导学单: the study guide the pupils work through. */
    STUDY_GUIDE("study-guide"),
    /** 课堂练习: exercises. */
    EXERCISE("exercise");

    private final String word;

    ResourceKind(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    public static Optional<ResourceKind> fromWord(String word) {
        return Arrays.stream(values()).filter(k -> k.word.equals(word)).findFirst();
    }

    /** {@code courseware, lesson-design, study-guide, exercise}. */
    public static String words() {
        return Arrays.stream(values()).map(ResourceKind::word).collect(Collectors.joining(", "));
    }
}
