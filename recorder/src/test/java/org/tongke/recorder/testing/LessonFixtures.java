package org.tongke.recorder.testing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.tongke.recorder.catalog.ArchivedLesson;
import org.tongke.recorder.catalog.LessonKind;
import org.tongke.recorder.catalog.LessonMetadata;
import org.tongke.recorder.catalog.Room;

/** Lessons of the tiny county (城西小学 hosts 祯埠镇小), built by hand for catalog tests. */
public final class LessonFixtures {
    public static final String COMMUNITY = "城西小学—祯埠镇小共建型教共体";

    private LessonFixtures() {
    }

    public static LessonMetadata math(String date) {
        return new LessonMetadata("c1-math#1@" + date, "四年级数学", "c1", COMMUNITY, LessonKind.SYNCHRONIZED, "数学", 4,
                LocalDate.parse(date), LocalTime.of(13, 30), LocalTime.of(14, 10), List.of(
                        new Room(Room.Role.HOST, "chengxi", "城西小学", "g4c1", "四年级(1)班", "wang-fang", "王芳"),
                        new Room(Room.Role.RECEIVER, "zhenbu", "祯埠镇小", "g4c1", "四年级(1)班", "chen-jie", "陈杰")));
    }

    public static LessonMetadata music(String date) {
        return new LessonMetadata("c1-music#1@" + date, "四年级音乐", "c1", COMMUNITY, LessonKind.DEDICATED_DELIVERY, "音乐",
                4, LocalDate.parse(date), LocalTime.of(14, 20), LocalTime.of(15, 0), List.of(
                        new Room(Room.Role.HOST, "chengxi", "城西小学", "g4c2", "四年级(2)班", "zhao-lei", "赵磊"),
                        new Room(Room.Role.RECEIVER, "zhenbu", "祯埠镇小", "g4c1", "四年级(1)班", "liu-yang", "刘洋")));
    }

    public static ArchivedLesson archive(LessonMetadata lesson, String classroom) {
        String folder = "lessons/" + lesson.lessonId().replaceAll("[^A-Za-z0-9-]", "_") + "/" + classroom.replace('/', '_');
        return new ArchivedLesson(lesson.lessonId(), classroom, 2400, 1280, 720, folder + "/poster.jpg",
                folder + "/thumbs", folder + "/master.m3u8", 123_456_789L, Instant.parse("2021-09-06T07:00:00Z"));
    }
}
