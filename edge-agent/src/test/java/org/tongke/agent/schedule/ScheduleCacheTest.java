package org.tongke.agent.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScheduleCacheTest {
    static final String CLASSROOM = "wuzhong/lubo";

    @TempDir
    Path dir;

    static Schedule schedule(long version, String lesson) {
        return new Schedule(CLASSROOM, version, "Asia/Shanghai", List.of(new ScheduledLesson(lesson, "四年级数学", "吴中小学",
                "receiving", OffsetDateTime.parse("2021-11-24T13:30:00+08:00"),
                OffsetDateTime.parse("2021-11-24T14:10:00+08:00"))));
    }

    @Test
    void aNewerScheduleIsKeptOnDiskAndReadBackByTheNextStart() throws IOException {
        ScheduleCache cache = new ScheduleCache(dir, CLASSROOM);
        assertThat(cache.current().version()).isZero();
        assertThat(cache.offer(schedule(17, "qt-01-sync#1@2021-11-24"))).isTrue();

        ScheduleCache restarted = new ScheduleCache(dir, CLASSROOM);
        assertThat(restarted.current()).isEqualTo(schedule(17, "qt-01-sync#1@2021-11-24"));
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(ScheduleCache.FILE);
        }
    }

    @Test
    void anOlderOrEqualVersionNeverReplacesTheCachedOne() throws IOException {
        ScheduleCache cache = new ScheduleCache(dir, CLASSROOM);
        cache.offer(schedule(17, "new"));
        assertThat(cache.offer(schedule(16, "old"))).isFalse();
        assertThat(cache.offer(schedule(17, "same version"))).isFalse();
        assertThat(new ScheduleCache(dir, CLASSROOM).current().lessons().get(0).lesson()).isEqualTo("new");
    }

    @Test
    void aDamagedOrForeignCacheFileStartsWithoutASchedule() throws IOException {
        Files.writeString(dir.resolve(ScheduleCache.FILE), "{\"v\":1,\"type\":\"sched");
        assertThat(new ScheduleCache(dir, CLASSROOM).current().version()).isZero();
        new ScheduleCache(dir, "shankou/lubo").offer(new Schedule("shankou/lubo", 3, "Asia/Shanghai", List.of()));
        assertThat(new ScheduleCache(dir, CLASSROOM).current().version()).isZero();
    }
}
