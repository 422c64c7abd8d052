package org.tongke.recorder.held;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The held-lesson report's JSON: read with every field checked, each refusal naming what is wrong. */
public class HeldLessonJsonTest {
    public static final String BODY = "{\"type\":\"held-lesson\",\"version\":1,\"startedAt\":\"2021-09-06T13:30:00+08:00\","
            + "\"endedAt\":\"2021-09-06T14:10:00+08:00\",\"ending\":\"ended\",\"node\":\"sig-a\",\"classrooms\":["
            + "{\"classroom\":\"chengxi/lubo\",\"host\":true},"
            + "{\"classroom\":\"zhenbu/lubo\",\"host\":false,\"attendance\":{\"present\":28,\"total\":30}}]}";

    @Test
    void readsAReportWithItsTimesClassroomsAndAttendance() {
        HeldLesson lesson = HeldLessonJson.read("c1-math#1@2021-09-06", BODY);

        assertThat(lesson.startedAt()).isEqualTo(Instant.parse("2021-09-06T05:30:00Z"));
        assertThat(lesson.endedAt()).isEqualTo(Instant.parse("2021-09-06T06:10:00Z"));
        assertThat(lesson.ending()).isEqualTo(HeldLesson.Ending.ENDED);
        assertThat(lesson.classrooms()).containsExactly(new HeldLesson.Classroom("chengxi/lubo", true, null, null),
                new HeldLesson.Classroom("zhenbu/lubo", false, 28, 30));
    }

    @Test
    void refusesAReportThatEndsBeforeItStarts() {
        assertThatThrownBy(() -> HeldLessonJson.read("l", BODY.replace("14:10:00", "13:00:00")))
                .hasMessage("the lesson ended (2021-09-06T05:00:00Z) before it started (2021-09-06T05:30:00Z)");
    }

    @Test
    void refusesMalformedReportsNamingTheField() {
        assertThatThrownBy(() -> HeldLessonJson.read("l", "{not json")).hasMessageStartingWith("the body is not JSON");
        assertThatThrownBy(() -> HeldLessonJson.read("l", "[]")).hasMessageContaining("must be a JSON object");
        assertThatThrownBy(() -> HeldLessonJson.read("l", BODY.replace("\"version\":1", "\"version\":2")))
                .hasMessage("the body must be of type held-lesson, version 1");
        assertThatThrownBy(() -> HeldLessonJson.read("l", BODY.replace("\"startedAt\":\"2021-09-06T13:30:00+08:00\",", "")))
                .hasMessage("startedAt is missing");
        assertThatThrownBy(() -> HeldLessonJson.read("l", BODY.replace("2021-09-06T13:30:00+08:00", "13:30")))
                .hasMessageStartingWith("startedAt '13:30' is not a time with its offset");
        assertThatThrownBy(() -> HeldLessonJson.read("l", BODY.replace("zhenbu/lubo", "zhenbu")))
                .hasMessage("classroom 'zhenbu' is not SCHOOL/ROOM");
        assertThatThrownBy(() -> HeldLessonJson.read("l", BODY.replace("\"present\":28", "\"present\":31")))
                .hasMessageStartingWith("attendance of zhenbu/lubo needs 0 <= present <= total");
        assertThatThrownBy(() -> HeldLessonJson.read("l", BODY.replace("\"ending\":\"ended\"", "\"ending\":\"paused\"")))
                .hasMessage("ending 'paused' is not one of ended, room-closed");
        assertThatThrownBy(() -> HeldLessonJson.read("l", BODY.replace("sig-a", "sig a")))
                .hasMessageStartingWith("node must be the signaling node's id");
    }
}
