package org.tongke.scheduler.solver;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.entity.PlanningPin;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.domain.variable.PlanningVariable;
import java.time.DayOfWeek;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.tongke.scheduler.slot.Candidate;

/**
 * One weekly lesson of a requirement, for the solver to place at one of its candidate times
 * (or leave unplaced). Mutable because the solver moves it; lives only inside this package.
 * {@code resources} are the teachers and classes it occupies, and its candidate names its
 * recording classrooms: two units that share any of them must not overlap in time.
 */
@PlanningEntity
public class LessonUnit {
    @PlanningId
    private String id;
    private String requirement;
    private List<Candidate> candidates;
    private Set<String> resources;
    private String previousSlot;
    private boolean pinned;

    @PlanningVariable(valueRangeProviderRefs = "candidates", allowsUnassigned = true)
    private Candidate candidate;

    public LessonUnit() {
        // For the solver's cloning.
    }

    public LessonUnit(String id, String requirement, List<Candidate> candidates, Set<String> resources,
                      String previousSlot) {
        this.id = id;
        this.requirement = requirement;
        this.candidates = List.copyOf(candidates);
        this.resources = Set.copyOf(resources);
        this.previousSlot = previousSlot;
    }

    @ValueRangeProvider(id = "candidates")
    public List<Candidate> getCandidates() {
        return candidates;
    }

    public String getId() {
        return id;
    }

    public String getRequirement() {
        return requirement;
    }

    public Candidate getCandidate() {
        return candidate;
    }

    public void setCandidate(Candidate candidate) {
        this.candidate = candidate;
    }

    @PlanningPin
    public boolean isPinned() {
        return pinned;
    }

    /** Keeps the unit where it is while the rest is re-planned. */
    public void pinAt(Candidate kept) {
        this.candidate = kept;
        this.pinned = true;
    }

    public Set<String> getResources() {
        return resources;
    }

    public String getPreviousSlot() {
        return previousSlot;
    }

    public DayOfWeek day() {
        return candidate == null ? null : candidate.slot().day();
    }

    public int startMinute() {
        return candidate.slot().start().toSecondOfDay() / 60;
    }

    public int endMinute() {
        return candidate.slot().end().toSecondOfDay() / 60;
    }

    /** A teacher or class in both, or the same recording classroom at their chosen times. */
    public boolean sharesResourceWith(LessonUnit other) {
        return !Collections.disjoint(resources, other.resources)
                || candidate != null && other.candidate != null && candidate.sharesRoomWith(other.candidate);
    }

    public boolean hasSwaps() {
        return candidate != null && !candidate.swapBookings().isEmpty();
    }

    /** True when a lesson moved by this unit's swaps lands where the other unit needs someone. */
    public boolean swapClashesWith(LessonUnit other) {
        if (other == this || candidate == null || other.candidate == null) {
            return false;
        }
        var slot = other.candidate.slot();
        for (var booking : candidate.swapBookings()) {
            if (other.resources.contains(booking.key()) && booking.overlaps(slot.day(), slot.start(), slot.end())) {
                return true;
            }
            for (var theirs : other.candidate.swapBookings()) {
                if (theirs.key().equals(booking.key()) && booking.overlaps(theirs.day(), theirs.start(), theirs.end())) {
                    return true;
                }
            }
        }
        return false;
    }

    public boolean movedFromPrevious() {
        return previousSlot != null && (candidate == null || !previousSlot.equals(candidate.slot().label()));
    }

    @Override
    public String toString() {
        return id + (candidate == null ? " (unplaced)" : " " + candidate.slot().label());
    }
}
