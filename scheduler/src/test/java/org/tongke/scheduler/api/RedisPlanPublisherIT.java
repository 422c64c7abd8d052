package org.tongke.scheduler.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lettuce.core.RedisClient;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.tongke.config.testing.LocalRedis;

/** Change events through a real redis-server, as a signaling node on another machine hears them. */
class RedisPlanPublisherIT {

    @Test
    void aSubscriberOnTheCountysChannelHearsEveryPublish() throws Exception {
        try (LocalRedis redis = LocalRedis.start(); RedisPlanPublisher publisher = new RedisPlanPublisher(redis.uri())) {
            RedisClient client = RedisClient.create(redis.uri());
            BlockingQueue<String> heard = new LinkedBlockingQueue<>();
            try (StatefulRedisPubSubConnection<String, String> sub = client.connectPubSub()) {
                sub.addListener(new RedisPubSubAdapter<>() {
                    @Override
                    public void message(String channel, String message) {
                        heard.add(channel + " " + message);
                    }
                });
                sub.sync().subscribe(RedisPlanPublisher.channel("tiny"));

                publisher.publish(PlanPublished.of("tiny", 7, Instant.parse("2021-09-01T00:00:00Z"), "solve job-1",
                        List.of("c1-math#1"), List.of()));

                String message = heard.poll(10, TimeUnit.SECONDS);
                assertThat(message).startsWith("tongke:plan:tiny {");
                JsonNode event = new ObjectMapper().readTree(message.substring(message.indexOf(' ') + 1));
                assertThat(event.path("type").asText()).isEqualTo("plan-published");
                assertThat(event.path("planVersion").asInt()).isEqualTo(7);
                assertThat(event.path("changedWeekly").get(0).asText()).isEqualTo("c1-math#1");
            } finally {
                client.shutdown();
            }
        }
    }

    @Test
    void aWrongAddressFailsAtStartWithTheAddressNamed() {
        assertThatThrownBy(() -> new RedisPlanPublisher("redis://127.0.0.1:1"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Unable to connect to Redis at redis://127.0.0.1:1");
    }
}
