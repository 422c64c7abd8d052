package org.tongke.scheduler.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Announces each publish on Redis pub/sub, channel {@code tongke:plan:<county>}, so signaling
 * nodes on other machines hear it. Only the asynchronous API is used: publishing never waits on
 * Redis, and a failed send is logged (the next publish carries the newer version anyway).
 */
public final class RedisPlanPublisher implements PlanPublisher, AutoCloseable {
    public static final String CHANNEL_PREFIX = "tongke:plan:";
    private static final Logger LOG = LoggerFactory.getLogger(RedisPlanPublisher.class);

    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;

    /** Connects at once, so that a wrong address fails at start with the address named. */
    public RedisPlanPublisher(String uri) {
        this.client = RedisClient.create(uri);
        try {
            this.connection = client.connect();
        } catch (RuntimeException e) {
            client.shutdown();
            throw new IllegalStateException("Unable to connect to Redis at " + uri + ": " + e.getMessage(), e);
        }
    }

    public static String channel(String county) {
        return CHANNEL_PREFIX + county;
    }

    @Override
    public void publish(PlanPublished event) {
        String json;
        try {
            json = Json.MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            LOG.error("Plan event {} could not be written", event.planVersion(), e);
            return;
        }
        connection.async().publish(channel(event.county()), json).whenComplete((listeners, failure) -> {
            if (failure != null) {
                LOG.warn("Plan version {} was not announced on Redis", event.planVersion(), failure);
            } else {
                LOG.info("Plan version {} announced on Redis to {} listeners", event.planVersion(), listeners);
            }
        });
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
    }
}
