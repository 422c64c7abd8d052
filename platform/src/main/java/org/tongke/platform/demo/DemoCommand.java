package org.tongke.platform.demo;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.tongke.config.county.County;
import org.tongke.platform.cli.DurationText;
import org.tongke.platform.cli.ExitCodes;
import org.tongke.platform.config.CountyArgument;
import org.tongke.platform.portal.PortalLesson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code demo}: the whole platform on embedded defaults with the Qingtian sample. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the whole platform on embedded defaults (no Redis, PostgreSQL or camera needed): a few"
                + " lessons of the Qingtian sample start within minutes, recorded, archived and in the library.")
public final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "DIR", defaultValue = "samples/qingtian",
            description = "The county (default: ${DEFAULT-VALUE}).")
    Path config;
    @Option(names = "--work", paramLabel = "DIR", defaultValue = "demo-work",
            description = "Where the demo keeps its library, database, recordings and secret (default: ${DEFAULT-VALUE}).")
    Path work;
    @Option(names = "--lessons", paramLabel = "N", defaultValue = "3", description = "Lessons (default: ${DEFAULT-VALUE}).")
    int lessons;
    @Option(names = "--start-in", paramLabel = "D", defaultValue = "90s",
            description = "When the first lesson starts (default: ${DEFAULT-VALUE}).")
    String startIn;
    @Option(names = "--lesson-length", paramLabel = "D", defaultValue = "2m",
            description = "How long each lesson lasts (default: ${DEFAULT-VALUE}).")
    String length;
    @Option(names = "--gap", paramLabel = "D", defaultValue = "30s",
            description = "Between one lesson's start and the next's (default: ${DEFAULT-VALUE}).")
    String gap;
    @Option(names = "--segment", paramLabel = "D", defaultValue = "20s",
            description = "Length of the agents' recording segments (default: ${DEFAULT-VALUE}).")
    String segment;
    @Option(names = "--ports-from", paramLabel = "P", defaultValue = "8080",
            description = "Portal on P, scheduler P+1, recorder P+2, signaling P+3; 0 for any free ports (default: ${DEFAULT-VALUE}).")
    int portsFrom;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DemoPlatform.Settings settings;
        try {
            settings = new DemoPlatform.Settings(config, work, lessons,
                    DurationText.parse(startIn, "--start-in", Duration.ofHours(12)),
                    DurationText.parse(length, "--lesson-length", Duration.ofHours(2)),
                    DurationText.parse(gap, "--gap", Duration.ofHours(2)),
                    DurationText.parse(segment, "--segment", Duration.ofMinutes(10)), portsFrom);
            if (lessons < 1 || lessons > 10) {
                throw new IllegalArgumentException("--lessons " + lessons + " must be 1 to 10");
            }
            if (settings.segment().toSeconds() < 1) {
                throw new IllegalArgumentException("--segment must be at least 1s");
            }
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        Optional<County> county = CountyArgument.load(config, err, "the demo needs a valid county");
        if (county.isEmpty()) {
            return ExitCodes.BAD_INPUT;
        }
        DemoPlatform demo = DemoPlatform.start(county.get(), settings, err);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            demo.close();
            stopped.countDown();
        }, "demo-shutdown"));
        print(out, demo);
        stopped.await();
        return ExitCodes.OK;
    }

    private static void print(PrintWriter out, DemoPlatform demo) {
        DateTimeFormatter hm = DateTimeFormatter.ofPattern("HH:mm:ss");
        out.println();
        out.println("同课演示已就绪 · The Tongke demo is ready");
        out.println("  门户 Portal: " + demo.portal());
        for (PortalLesson lesson : demo.lessons()) {
            out.println();
            out.println("  " + lesson.start().format(hm) + "–" + lesson.end().format(hm) + "  " + lesson.title() + "  ("
                    + lesson.hostSchool() + " → " + String.join("、", lesson.ruralSchools()) + ")");
            out.println("    主讲教师 Lead teacher: " + lesson.teacherLink());
            for (int i = 0; i < lesson.ruralLinks().size(); i++) {
                out.println("    接收教室 Rural room " + (i + 1) + ": " + lesson.ruralLinks().get(i));
            }
            out.println("    观摩 Staff observer: " + lesson.observerLink());
        }
        out.println();
        out.println("  按 Ctrl+C 停止 · Ctrl+C stops the demo");
        out.flush();
    }
}
