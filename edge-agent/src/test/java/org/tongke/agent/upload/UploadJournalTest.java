package org.tongke.agent.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UploadJournalTest {
    @TempDir
    Path dir;

    Segment segment(String name, int index, Instant closed) {
        return new Segment(dir.resolve(name), "l#1@2021-11-24", "teacher", index, 1000 + index, "ab" + index, closed,
                null, false, false);
    }

    @Test
    void everyStepSurvivesARestartAndATornLastLineIsSkipped() throws IOException {
        Instant t = Instant.parse("2021-11-24T05:30:00Z");
        try (UploadJournal j = UploadJournal.open(dir)) {
            j.queue(segment("b", 1, t.plusSeconds(60)));
            j.queue(segment("a", 0, t));
            j.location(dir.resolve("a"), "http://r/api/uploads/1");
            j.uploaded(dir.resolve("a"));
            j.confirmed(dir.resolve("a"));
            j.queue(segment("c", 2, t.plusSeconds(120)));
            j.deleted(dir.resolve("c"));
            j.ended("l#1@2021-11-24");
        }
        // A crash in the middle of appending a line.
        Files.writeString(dir.resolve(UploadJournal.FILE), "{\"e\":\"uploaded\",\"fi", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        try (UploadJournal j = UploadJournal.open(dir)) {
            assertThat(j.segments()).extracting(s -> s.file().getFileName().toString()).containsExactly("a", "b");
            Segment a = j.segments().get(0);
            assertThat(a.location()).isEqualTo("http://r/api/uploads/1");
            assertThat(a.uploaded()).isTrue();
            assertThat(a.confirmed()).isTrue();
            assertThat(j.segments().get(1).uploaded()).isFalse();
            assertThat(j.manifestsDue()).containsExactly("l#1@2021-11-24");
            j.manifestSent("l#1@2021-11-24");
        }
        try (UploadJournal j = UploadJournal.open(dir)) {
            assertThat(j.manifestsDue()).isEmpty();
            assertThat(j.queue(segment("a", 0, t))).isFalse();
        }
        assertThat(Files.readAllLines(dir.resolve(UploadJournal.FILE))).noneMatch(l -> l.contains("\"c\"") || l.endsWith("\"fi"));
    }
}
