package org.tongke.config.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reload loop over a real plan file: a plan here is the file's text, "county version", so
 * that what the target holds shows which read it came from.
 */
class PlanReloadsTest {
    private static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z");

    @TempDir
    Path dir;

    private final AtomicReference<String> held = new AtomicReference<>();
    private final AtomicInteger reads = new AtomicInteger();
    private PlanReloads<String> reloads;

    @AfterEach
    void close() throws InterruptedException {
        if (reloads != null) {
            reloads.close();
        }
    }

    @Test
    void anEventReadsThePlanAgainAndTheStatusShowsItsVersionAndWhenItWasLoaded() throws Exception {
        Path file = write("tiny 3");
        reloads = reloads(file);
        reloads.loadNow();
        assertThat(reloads.status()).isEqualTo(new PlanStatus("plan file " + file, 3L, NOW, 1, 0, null));

        write("tiny 4");
        reloads.planPublished("tiny", 4);

        awaitLoads(2);
        assertThat(held.get()).isEqualTo("tiny 4");
        assertThat(reloads.status().version()).isEqualTo(4L);
        assertThat(reloads.status().toMap()).containsEntry("loadedAt", NOW.toString()).containsEntry("failures", 0L);
    }

    @Test
    void aPlanThatFailsToLoadKeepsThePreviousOneAndIsCountedWithItsReason() throws Exception {
        Path file = write("tiny 3");
        reloads = reloads(file);
        reloads.loadNow();

        write("tiny three");
        reloads.planPublished("tiny", 4);

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (reloads.status().failures() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        PlanStatus status = reloads.status();
        assertThat(status.failures()).isEqualTo(1);
        assertThat(status.lastFailure()).isEqualTo("plan file " + file + ": field 'version' is not a number: three");
        assertThat(status.version()).isEqualTo(3L);
        assertThat(held.get()).isEqualTo("tiny 3");
    }

    @Test
    void anEventOfAnotherCountyIsIgnored() throws Exception {
        Path file = write("tiny 3");
        reloads = reloads(file);
        reloads.loadNow();
        write("tiny 4");

        reloads.planPublished("elsewhere", 9);
        reloads.planPublished("tiny", 4);

        awaitLoads(2);
        // Events are read one after the other: had the first been taken, a third read would follow.
        Thread.sleep(300);
        assertThat(reads).hasValue(2);
        assertThat(reloads.status().loads()).isEqualTo(2);
        assertThat(held.get()).isEqualTo("tiny 4");
    }

    @Test
    void aFirstPlanThatCannotBeReadIsThrownAtOnce() throws Exception {
        reloads = reloads(dir.resolve("missing.json"));

        assertThatThrownBy(reloads::loadNow).isInstanceOf(IOException.class).hasMessageContaining("missing.json");
        assertThat(reloads.status().loads()).isZero();
    }

    private PlanReloads<String> reloads(Path file) {
        PlanSource<String> source = PlanSource.file(file, (json, where) -> {
            reads.incrementAndGet();
            String text = new String(json, StandardCharsets.UTF_8);
            String version = text.substring(text.indexOf(' ') + 1);
            if (!version.chars().allMatch(Character::isDigit)) {
                throw new IllegalArgumentException(where + ": field 'version' is not a number: " + version);
            }
            return text;
        });
        PlanTarget<String> target = new PlanTarget<>() {
            @Override
            public Optional<String> county() {
                return Optional.ofNullable(held.get()).map(plan -> plan.substring(0, plan.indexOf(' ')));
            }

            @Override
            public void replace(String plan) {
                held.set(plan);
            }

            @Override
            public Long version(String plan) {
                return Long.valueOf(plan.substring(plan.indexOf(' ') + 1));
            }
        };
        return new PlanReloads<>(source, target, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private Path write(String plan) throws IOException {
        return Files.writeString(dir.resolve("plan.json"), plan);
    }

    private void awaitLoads(long loads) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (reloads.status().loads() < loads && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(reloads.status().loads()).isEqualTo(loads);
    }
}
