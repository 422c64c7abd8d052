package org.tongke.signaling.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.tongke.config.testing.SettableClock;

class RoomLeasesTest {
    private static final Duration LEASE = Duration.ofSeconds(9);
    private final SettableClock clock = new SettableClock(Instant.parse("2026-03-02T08:00:00Z"));
    private final RoomLeases leases = new RoomLeases(clock, LEASE);

    @Test
    void aRoomRenewedEveryThirdOfALeaseStaysSureAndIsNeverGivenUp() {
        leases.took("r");
        for (int i = 0; i < 10; i++) {
            clock.advance(Duration.ofSeconds(3));
            Instant sent = clock.instant();
            clock.advance(Duration.ofMillis(5));
            assertThat(leases.renewed("r", sent, true)).isEmpty();
            assertThat(leases.lapsed()).isEmpty();
            assertThat(leases.sure("r")).isTrue();
        }
        assertThat(leases.holds("r")).isTrue();
    }

    @Test
    void aRenewalThatFindsTheLeaseHeldByAnotherNodeGivesTheRoomUpAtOnce() {
        leases.took("r");
        clock.advance(Duration.ofSeconds(3));
        assertThat(leases.renewed("r", clock.instant(), false)).contains(RoomLeases.TAKEN);
        assertThat(leases.holds("r")).isFalse();
        assertThat(leases.sure("r")).isFalse();
        assertThat(leases.renewed("r", clock.instant(), false)).as("given up once").isEmpty();
    }

    @Test
    void aFailedRenewalPutsTheRoomInDoubtUntilARenewalSucceeds() {
        leases.took("r");
        clock.advance(Duration.ofSeconds(3));
        leases.failed("r");
        assertThat(leases.sure("r")).as("no change while the lease cannot be renewed").isFalse();
        assertThat(leases.lapsed()).isEmpty();
        clock.advance(Duration.ofSeconds(3));
        assertThat(leases.renewed("r", clock.instant(), true)).isEmpty();
        assertThat(leases.sure("r")).isTrue();
    }

    @Test
    void renewalsThatNeverAnswerPutTheRoomInDoubtAfterTwoThirdsOfALeaseAndGiveItUpAfterALease() {
        leases.took("r");
        clock.advance(Duration.ofMillis(5_999));
        assertThat(leases.sure("r")).isTrue();
        clock.advance(Duration.ofMillis(1));
        assertThat(leases.sure("r")).as("a renewal is missing: another may follow").isFalse();
        clock.advance(Duration.ofMillis(2_999));
        assertThat(leases.lapsed()).isEmpty();
        clock.advance(Duration.ofMillis(1));
        assertThat(leases.lapsed()).as("the lease may have run out at Redis").containsExactly("r");
        assertThat(leases.holds("r")).isFalse();
        assertThat(leases.lapsed()).isEmpty();
    }

    @Test
    void aLateAnswerToAnOlderRenewalDoesNotMoveTheLeaseBack() {
        leases.took("r");
        clock.advance(Duration.ofSeconds(3));
        Instant older = clock.instant();
        clock.advance(Duration.ofSeconds(3));
        leases.renewed("r", clock.instant(), true);
        leases.renewed("r", older, true);
        clock.advance(Duration.ofMillis(5_999));
        assertThat(leases.sure("r")).isTrue();
        clock.advance(Duration.ofMillis(3_001));
        assertThat(leases.lapsed()).as("a lease after the newer renewal").containsExactly("r");
    }
}
