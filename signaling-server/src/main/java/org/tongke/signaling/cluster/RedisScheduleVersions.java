package org.tongke.signaling.cluster;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import org.tongke.signaling.schedule.AgreedSchedules;

/**
 * Schedule versions every node agrees on, in {@code tongke:classroom:{<id>}:schedule} (the
 * digest of the lessons and their version, kept {@link #KEEP} after the last agreement). One
 * script reads and writes it, so that the first node to number a classroom's new lessons sets
 * the version the others take.
 */
public final class RedisScheduleVersions implements AgreedSchedules.Versions {
    /** As long as a classroom's last status: a schedule unchanged for longer is numbered again, higher. */
    public static final Duration KEEP = RedisAgents.KEEP;
    private static final String AGREE = """
            local held = redis.call('HMGET', KEYS[1], 'digest', 'version')
            local version = tonumber(ARGV[2])
            if held[1] == ARGV[1] then
              version = tonumber(held[2])
            elseif held[2] and tonumber(held[2]) >= version then
              version = tonumber(held[2]) + 1
            end
            redis.call('HSET', KEYS[1], 'digest', ARGV[1], 'version', version)
            redis.call('PEXPIRE', KEYS[1], ARGV[3])
            return version""";

    private final RedisAsyncCommands<String, String> redis;

    RedisScheduleVersions(RedisAsyncCommands<String, String> redis) {
        this.redis = redis;
    }

    public static String key(String classroom) {
        return "tongke:classroom:{" + classroom + "}:schedule";
    }

    @Override
    public CompletionStage<Long> agree(String classroom, String digest, long proposed) {
        return redis.<Long>eval(AGREE, ScriptOutputType.INTEGER, new String[] {key(classroom)}, digest,
                Long.toString(proposed), Long.toString(KEEP.toMillis()));
    }
}
