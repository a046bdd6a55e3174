package io.slotbridge.sandbox.core;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Token buckets keyed by whatever the real service limits on (amoCRM: account + integration, Bitrix24: portal,
 * Wazzup: API key). A leaky bucket that drains {@code rate}/s and blocks at {@code burst} admits exactly what a token
 * bucket of that size and refill admits. Time comes from the injected clock, so tests can freeze it.
 */
@Component
public class RateLimits {

    /** A limit: {@code perSecond} sustained, up to {@code burst} at once. */
    public record Limit(double perSecond, int burst) {}

    private record Limited(Limit limit, Bucket bucket) {}

    private final Map<String, Limited> buckets = new ConcurrentHashMap<>();
    private final TimeMeter time;

    public RateLimits(Clock clock) {
        this.time = new ClockTimeMeter(clock);
    }

    /** Takes one request from the bucket; false when the limit is exceeded. */
    public boolean tryAcquire(String key, Limit limit) {
        Limited limited = buckets.compute(
                key,
                (k, existing) -> existing != null && existing.limit().equals(limit)
                        ? existing
                        : new Limited(limit, bucket(limit)));
        return limited.bucket().tryConsume(1);
    }

    /** Tokens left in a bucket (for the status page); the full burst for an unused key. */
    public long available(String key, Limit limit) {
        Limited limited = buckets.get(key);
        return limited == null ? limit.burst() : limited.bucket().getAvailableTokens();
    }

    /** The real limit unless fault injection overrides it. */
    public static Limit effective(Limit real, Faults faults) {
        return new Limit(
                faults.rateLimitPerSecond() != null ? faults.rateLimitPerSecond() : real.perSecond(),
                faults.burst() != null ? faults.burst() : real.burst());
    }

    public void reset() {
        buckets.clear();
    }

    private Bucket bucket(Limit limit) {
        long tokensPerThousandSeconds = Math.max(1, Math.round(limit.perSecond() * 1000));
        Bandwidth bandwidth = Bandwidth.builder()
                .capacity(limit.burst())
                .refillGreedy(tokensPerThousandSeconds, Duration.ofSeconds(1000))
                .build();
        return Bucket.builder()
                .addLimit(bandwidth)
                .withCustomTimePrecision(time)
                .build();
    }

    private record ClockTimeMeter(Clock clock) implements TimeMeter {
        @Override
        public long currentTimeNanos() {
            Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}
