package org.tongke.signaling.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BridgePoolTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void choosesTheLeastStressedHealthyBridge() throws Exception {
        try (StandInBridge busy = new StandInBridge(); StandInBridge idle = new StandInBridge();
             StandInBridge sick = new StandInBridge()) {
            busy.stress(0.8);
            idle.stress(0.1);
            sick.healthy(false);
            BridgePool pool = pool(busy, idle, sick);

            pool.refresh().get(5, TimeUnit.SECONDS);

            assertThat(pool.choose(Set.of())).map(BridgeClient::id).contains("b2");
            assertThat(pool.loads().get("b3").healthy()).isFalse();
            assertThat(pool.loads().get("b3").problem()).contains("health");
        }
    }

    @Test
    void lessonsStartingTogetherSpreadOverBridgesOfEqualLoad() throws Exception {
        try (StandInBridge a = new StandInBridge(); StandInBridge b = new StandInBridge()) {
            BridgePool pool = pool(a, b);
            pool.refresh().get(5, TimeUnit.SECONDS);

            String firstChoice = pool.choose(Set.of()).orElseThrow().id();
            String secondChoice = pool.choose(Set.of()).orElseThrow().id();

            assertThat(Set.of(firstChoice, secondChoice)).containsExactlyInAnyOrder("b1", "b2");
        }
    }

    @Test
    void anUnreachableBridgeIsNeverChosenAndABridgeMarkedDownWaitsForItsNextCheck() throws Exception {
        try (StandInBridge up = new StandInBridge()) {
            StandInBridge gone = new StandInBridge();
            BridgePool pool = pool(up, gone);
            gone.close();
            pool.refresh().get(5, TimeUnit.SECONDS);
            assertThat(pool.choose(Set.of())).map(BridgeClient::id).contains("b1");

            pool.markDown("b1", "answered 500");
            assertThat(pool.choose(Set.of())).isEmpty();

            pool.refresh().get(5, TimeUnit.SECONDS);
            assertThat(pool.choose(Set.of())).map(BridgeClient::id).contains("b1");
        }
    }

    private static BridgePool pool(StandInBridge... bridges) {
        List<BridgeClient> clients = new java.util.ArrayList<>();
        for (int i = 0; i < bridges.length; i++) {
            clients.add(new BridgeClient("b" + (i + 1), bridges[i].uri(), HTTP, Duration.ofSeconds(1)));
        }
        return new BridgePool(clients, Clock.systemUTC());
    }
}
