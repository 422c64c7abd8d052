package org.tongke.scheduler.ical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tongke.scheduler.ical.ParsedFeed.value;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.stream.Stream;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.tongke.scheduler.plan.Occurrence;
import org.tongke.scheduler.plan.Plan;
import org.tongke.scheduler.plan.ResearchSession;

class IcalSequenceLedgerTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2021-08-30T02:00:00Z"), ZoneOffset.UTC);

    private final Plan plan = SolvedTinyPlan.plan();
    private final PlanCalendars calendars = new PlanCalendars(SolvedTinyPlan.county(), CLOCK);
    private final SequenceLedger ledger = new SequenceLedger();

    @Test
    void firstPlanSeenStartsEveryEventAtZero() {
        Map<String, Integer> sequences = ledger.update(plan);

        assertThat(sequences).hasSize(plan.occurrences().size() + plan.research().size()).containsOnlyKeys(
                Stream.concat(plan.occurrences().stream().map(Occurrence::id),
                        plan.research().stream().map(ResearchSession::id)).map(PlanCalendars::uid).toList());
        assertThat(sequences.values()).containsOnly(0);
    }

    @Test
    void movingOneOccurrenceBumpsTheSequenceOfThatEventOnly() {
        Occurrence moved = plan.occurrences().get(2);
        ledger.update(plan);

        Plan replanned = SolvedTinyPlan.withOccurrence(plan, moved.id(),
                o -> o.put("start", "14:20").put("end", "15:00"));
        ParsedFeed feed = ParsedFeed.parse(calendars.school(replanned, "chengxi", ledger.update(replanned)));

        for (VEvent event : feed.events()) {
            String uid = value(event, Property.UID);
            assertThat(value(event, Property.SEQUENCE)).as(uid)
                    .isEqualTo(uid.equals(PlanCalendars.uid(moved.id())) ? "1" : "0");
        }
        assertThat(value(feed.event(PlanCalendars.uid(moved.id())), Property.DTSTART)).endsWith("T142000");
    }

    @Test
    void republishingAnUnchangedPlanKeepsSequencesAndMovingBackBumpsAgain() {
        Occurrence moved = plan.occurrences().get(0);
        String uid = PlanCalendars.uid(moved.id());
        Plan replanned = SolvedTinyPlan.withOccurrence(plan, moved.id(),
                o -> o.put("start", "14:20").put("end", "15:00"));

        assertThat(ledger.update(plan)).containsEntry(uid, 0);
        assertThat(ledger.update(plan)).containsEntry(uid, 0);
        assertThat(ledger.update(replanned)).containsEntry(uid, 1);
        assertThat(ledger.update(replanned)).containsEntry(uid, 1);
        assertThat(ledger.update(plan)).containsEntry(uid, 2);
        assertThat(ledger.sequences().values()).containsOnly(0, 2);
    }

    @Test
    void changingATeacherOrAResearchSessionCountsAsAChange() {
        Occurrence lesson = plan.occurrences().get(0);
        ResearchSession session = plan.research().get(0);
        ledger.update(plan);

        Plan changed = SolvedTinyPlan.withOccurrence(plan, lesson.id(),
                o -> ((ObjectNode) o.path("receivers").get(0)).put("teacher", "li-hua"));
        changed = SolvedTinyPlan.withResearch(changed, session.id(), s -> s.put("location", "祯埠镇小"));
        Map<String, Integer> sequences = ledger.update(changed);

        assertThat(sequences).containsEntry(PlanCalendars.uid(lesson.id()), 1)
                .containsEntry(PlanCalendars.uid(session.id()), 1);
        assertThat(sequences.values().stream().filter(n -> n == 1)).hasSize(2);
    }
}
