package org.tongke.scheduler.slot;

import org.tongke.config.calendar.WeeklySlot;
import java.util.List;
import java.util.Objects;
import org.tongke.scheduler.plan.Participant;
import org.tongke.scheduler.plan.Participant.Displaces;

/**
 * A weekly time a requirement's lesson may take: it fits every school's bell schedule and no
 * school's existing timetable forbids it. {@code displaces} says, room by room (host first, then
 * the receiving rooms in the requirement's order), what each class gives up for the lesson;
 * {@code rooms} names, room by room in the same order, the recording classroom it runs in as
 * {@code school/classroom} (a school with two such rooms gives two candidates for one time);
 * {@code swaps} and {@code swapBookings} say, where a receiving class's other-subject lesson is
 * moved away to make room (requirements that allow it), where it goes and whom that occupies;
 * {@code notOwnPeriod} and {@code ruralEdgePeriods} count what the soft goals dislike.
 */
public record Candidate(String requirement, WeeklySlot slot, List<Displaces> displaces, List<String> rooms,
                        List<Participant.Swap> swaps, List<SwapBooking> swapBookings, int notOwnPeriod,
                        int ruralEdgePeriods) {
    public Candidate {
        Objects.requireNonNull(requirement, "requirement");
        Objects.requireNonNull(slot, "slot");
        displaces = List.copyOf(displaces);
        rooms = List.copyOf(rooms);
        // One entry per room, null where the room swaps nothing.
        swaps = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(swaps));
        swapBookings = List.copyOf(swapBookings);
    }

    /** A time with no swap. */
    public Candidate(String requirement, WeeklySlot slot, List<Displaces> displaces, List<String> rooms,
                     int notOwnPeriod, int ruralEdgePeriods) {
        this(requirement, slot, displaces, rooms, java.util.Collections.nCopies(rooms.size(), null), List.of(),
                notOwnPeriod, ruralEdgePeriods);
    }

    /** True when both take a recording classroom of the same school: they must not overlap. */
    public boolean sharesRoomWith(Candidate other) {
        return !java.util.Collections.disjoint(rooms, other.rooms);
    }

    @Override
    public String toString() {
        return requirement + " " + slot.label();
    }
}
