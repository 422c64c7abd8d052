package org.tongke.scheduler.ical;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.tongke.config.county.County;
import org.tongke.config.testing.TinyCounty;
import org.tongke.config.validate.CountyValidator;
import org.tongke.scheduler.check.PlanChecker;
import org.tongke.scheduler.plan.Plan;
import org.tongke.scheduler.plan.PlanJson;
import org.tongke.scheduler.publish.SchedulerService;
import org.tongke.scheduler.solver.TimetableSolver;

/**
 * The tiny county with 祯埠镇小's afternoon rung like 城西小学's, solved once per test JVM (the
 * solver takes seconds), and a way to change a copy of its plan through the plan's JSON form, so
 * that tests do not depend on the plan records' constructors.
 */
final class SolvedTinyPlan {
    private static final TimetableSolver.Limits FIVE_SECONDS = TimetableSolver.Limits.of(Duration.ofSeconds(5));
    private static final ObjectMapper JSON = new ObjectMapper();

    private SolvedTinyPlan() {
    }

    static County county() {
        return Holder.COUNTY;
    }

    static Plan plan() {
        return Holder.PLAN;
    }

    /** A copy of the plan with {@code change} applied to the JSON object of one occurrence. */
    static Plan withOccurrence(Plan plan, String occurrenceId, Consumer<ObjectNode> change) {
        return edited(plan, "occurrences", occurrenceId, change);
    }

    /** A copy of the plan with {@code change} applied to the JSON object of one research session. */
    static Plan withResearch(Plan plan, String sessionId, Consumer<ObjectNode> change) {
        return edited(plan, "research", sessionId, change);
    }

    private static Plan edited(Plan plan, String list, String id, Consumer<ObjectNode> change) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PlanJson.write(plan, out);
            JsonNode document = JSON.readTree(out.toByteArray());
            ObjectNode target = null;
            for (JsonNode node : document.path("plan").path(list)) {
                if (id.equals(node.path("id").asText())) {
                    target = (ObjectNode) node;
                }
            }
            if (target == null) {
                throw new IllegalArgumentException("no " + id + " in the plan's " + list);
            }
            change.accept(target);
            return PlanJson.read(new ByteArrayInputStream(JSON.writeValueAsBytes(document)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Holder {
        private static final County COUNTY;
        private static final Plan PLAN;

        static {
            Path dir = null;
            try {
                dir = Files.createTempDirectory("tiny-county");
                TinyCounty tiny = TinyCounty.copyTo(dir);
                // Ring zhenbu's afternoon with chengxi's, so that a 40-minute lesson fits both.
                tiny.edit("schools/zhenbu.yaml", "{start: \"13:40\", end: \"14:20\"}",
                        "{start: \"13:30\", end: \"14:10\"}");
                COUNTY = CountyValidator.validate(dir).orThrow();
                PLAN = new SchedulerService(COUNTY).solve(FIVE_SECONDS, Map.of(), progress -> { });
                if (!PlanChecker.check(COUNTY, PLAN).isEmpty()) {
                    throw new IllegalStateException("the tiny plan breaks hard rules: "
                            + PlanChecker.check(COUNTY, PLAN));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                delete(dir);
            }
        }

        private static void delete(Path dir) {
            if (dir == null) {
                return;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
