package org.tongke.signaling.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.tongke.signaling.server.TokenBucket.Verdict;

class TokenBucketTest {
    private final AtomicLong now = new AtomicLong();
    private final TokenBucket bucket = new TokenBucket(10, 3, 2, now::get);

    @Test
    void burstPassesThenTheFirstRefusalIsToldAndTheRestDropped() {
        assertThat(bucket.take()).isEqualTo(Verdict.ALLOW);
        assertThat(bucket.take()).isEqualTo(Verdict.ALLOW);
        assertThat(bucket.take()).isEqualTo(Verdict.ALLOW);
        assertThat(bucket.take()).isEqualTo(Verdict.REFUSE_FIRST);
        assertThat(bucket.take()).isEqualTo(Verdict.REFUSE);
        assertThat(bucket.take()).isEqualTo(Verdict.DISCONNECT);
    }

    @Test
    void tokensComeBackAtTheRateAndAnAllowedMessageEndsTheRun() {
        for (int i = 0; i < 4; i++) {
            bucket.take();
        }
        now.addAndGet(100_000_000L);
        assertThat(bucket.take()).isEqualTo(Verdict.ALLOW);
        assertThat(bucket.take()).isEqualTo(Verdict.REFUSE_FIRST);
    }
}
