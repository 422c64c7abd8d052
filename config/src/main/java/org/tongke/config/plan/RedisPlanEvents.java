package org.tongke.config.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lettuce.core.RedisClient;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hears the scheduler's {@code plan-published} events on Redis pub/sub, channel
 * {@code tongke:plan:<county>} (docs/api/scheduler.md, "Change events"), on a pub/sub connection
 * of its own, and hands each to {@link PlanEvents}. Lettuce's asynchronous API only: nothing
 * waits on Redis but the subscription at start, so that a wrong address fails at once.
 */
public final class RedisPlanEvents implements AutoCloseable {
    public static final String CHANNEL_PREFIX = "tongke:plan:";
    public static final String TYPE = "plan-published";
    private static final Logger LOG = LoggerFactory.getLogger(RedisPlanEvents.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RedisClient client;
    private final StatefulRedisPubSubConnection<String, String> connection;

    private RedisPlanEvents(RedisClient client, StatefulRedisPubSubConnection<String, String> connection) {
        this.client = client;
        this.connection = connection;
    }

    public static String channel(String county) {
        return CHANNEL_PREFIX + county;
    }

    /** Subscribes to {@code county}'s channel; {@link IllegalStateException} naming {@code uri} when Redis cannot be reached. */
    public static RedisPlanEvents subscribe(String uri, String county, PlanEvents events) {
        RedisClient client = RedisClient.create(uri);
        try {
            StatefulRedisPubSubConnection<String, String> connection = client.connectPubSub();
            connection.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String channel, String message) {
                    handle(channel, message, county, events);
                }
            });
            connection.async().subscribe(channel(county)).toCompletableFuture().get(10, TimeUnit.SECONDS);
            LOG.info("Listening for plan events on Redis channel {}", channel(county));
            return new RedisPlanEvents(client, connection);
        } catch (Exception e) {
            client.shutdown();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("Unable to subscribe to " + channel(county) + " on Redis at " + uri
                    + ": " + e.getMessage(), e);
        }
    }

    static void handle(String channel, String message, String county, PlanEvents events) {
        try {
            JsonNode event = JSON.readTree(message);
            if (!TYPE.equals(event.path("type").asText()) || !county.equals(event.path("county").asText())
                    || !event.path("planVersion").canConvertToLong()) {
                LOG.warn("Ignored a message on {} that is no plan-published event of {}", channel, county);
                return;
            }
            events.planPublished(county, event.path("planVersion").asLong());
        } catch (java.io.IOException | RuntimeException e) {
            LOG.warn("Ignored a message on {} that is not JSON: {}", channel, e.getMessage());
        }
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
    }
}
