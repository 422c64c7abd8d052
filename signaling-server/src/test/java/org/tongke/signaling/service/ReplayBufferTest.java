package org.tongke.signaling.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tongke.signaling.protocol.Sequenced;
import org.tongke.signaling.protocol.ServerMessage;

class ReplayBufferTest {
    private static Sequenced pong(long seq) {
        return new Sequenced(seq, new ServerMessage.Pong(seq, 0));
    }

    private static List<Long> seqs(List<Sequenced> messages) {
        return messages.stream().map(Sequenced::seq).toList();
    }

    @Test
    void replaysEverythingAfterLastSeqInOrder() {
        ReplayBuffer buffer = new ReplayBuffer(10, 1);
        for (long s = 2; s <= 6; s++) {
            buffer.add(pong(s));
        }

        assertThat(seqs(buffer.after(3).orElseThrow())).containsExactly(4L, 5L, 6L);
        assertThat(buffer.after(6).orElseThrow()).isEmpty();
        assertThat(seqs(buffer.after(1).orElseThrow())).containsExactly(2L, 3L, 4L, 5L, 6L);
    }

    @Test
    void keepsOnlyTheNewestUpToItsCapacity() {
        ReplayBuffer buffer = new ReplayBuffer(3, 0);
        for (long s = 1; s <= 10; s++) {
            buffer.add(pong(s));
        }

        assertThat(buffer.size()).isEqualTo(3);
        assertThat(seqs(buffer.after(7).orElseThrow())).containsExactly(8L, 9L, 10L);
    }

    @Test
    void aGapOlderThanTheBufferAsksForASnapshot() {
        ReplayBuffer buffer = new ReplayBuffer(3, 0);
        for (long s = 1; s <= 10; s++) {
            buffer.add(pong(s));
        }

        assertThat(buffer.after(6)).isEmpty();
        assertThat(buffer.after(0)).isEmpty();
    }

    @Test
    void aLastSeqFromTheFutureAsksForASnapshot() {
        ReplayBuffer buffer = new ReplayBuffer(3, 0);
        buffer.add(pong(1));

        assertThat(buffer.after(5)).isEmpty();
    }

    @Test
    void anUnbufferedWelcomeMovesTheFloor() {
        ReplayBuffer buffer = new ReplayBuffer(3, 0);
        buffer.skipTo(1);
        buffer.add(pong(2));

        assertThat(buffer.after(0)).isEmpty();
        assertThat(seqs(buffer.after(1).orElseThrow())).containsExactly(2L);
    }
}
