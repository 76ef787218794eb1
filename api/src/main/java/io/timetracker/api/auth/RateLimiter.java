package io.timetracker.api.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConfigurationBuilder;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Token buckets per key (a token, a client address, an account name), kept by Bucket4j in PostgreSQL
 * ({@code rate_limit_buckets}) so that every node draws on the same bucket. A bucket holds up to its per-minute limit
 * and refills gradually, one request every minute/limit, so a client that spent its minute gets requests back one by
 * one, never a second full burst at a window edge; an hourly limit, when given, is a second bandwidth of the same
 * bucket. Each decision is one short transaction ({@code SELECT ... FOR UPDATE} of the bucket's row, then its
 * update, in an unlogged table); requests to one bucket that arrive on this node while its transaction runs are
 * batched by Bucket4j into the next one, so a token sending many requests at once does not queue them on the row's
 * lock one by one (batching needs the bucket's proxy kept, hence {@code proxies}). A row whose bucket has refilled
 * expires and is deleted by {@link #removeExpired()}, since a missing bucket starts full anyway.
 */
@Component
public class RateLimiter {

    /** The outcome of one request against a limit; {@code limit}/{@code remaining} count the per-minute bucket. */
    public record Decision(boolean allowed, long limit, long remaining, long resetEpochSecond, long retryAfterSeconds) {
    }

    /** Requests per minute, and per hour unless {@code perHour} is 0. */
    public record Limit(long perMinute, long perHour) {

        public static Limit perMinute(long perMinute) {
            return new Limit(perMinute, 0);
        }

        BucketConfiguration configuration() {
            ConfigurationBuilder configuration = BucketConfiguration.builder().addLimit(Bandwidth.builder()
                    .capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build());
            if (perHour > 0) {
                configuration.addLimit(Bandwidth.builder()
                        .capacity(perHour).refillGreedy(perHour, Duration.ofHours(1)).build());
            }
            return configuration.build();
        }

        @Override
        public String toString() {
            return perMinute + "/min" + (perHour > 0 ? " " + perHour + "/h" : "");
        }
    }

    private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);

    /** How long a refilled bucket's row is kept, so that a client pausing briefly does not recreate it. */
    private static final Duration KEPT_AFTER_REFILL = Duration.ofMinutes(5);
    private static final int REMOVED_PER_STATEMENT = 1000;

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
    /** Only what batches this node's requests: a proxy dropped from here loses no state (that is in the table). */
    private final Cache<String, Bucket> proxies = Caffeine.newBuilder()
            .maximumSize(100_000).expireAfterAccess(Duration.ofMinutes(10)).build();
    private final Clock clock;

    public RateLimiter(DataSource dataSource, Clock clock) {
        this.clock = clock;
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_buckets")
                // the application's clock, so that refills follow the time the rest of the service sees
                .clientClock(timeMeter(clock))
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                        KEPT_AFTER_REFILL))
                .build();
    }

    /**
     * Takes one request from the bucket of {@code key} under {@code limit}. The bucket is stored under the key and the
     * limit together: Bucket4j keeps a bucket's configuration with its state, so nodes configured differently (during
     * a rolling change of the limits) each get buckets of their own limits instead of the first writer's.
     * <p>
     * When the store cannot be reached the request is let through (and logged): it is about to meet the same
     * database on its own path, which answers as it does without limits (503 from the health check, for one).
     */
    public Decision acquire(String key, Limit limit) {
        ConsumptionProbe probe;
        try {
            probe = proxies.get(key + " " + limit, id -> buckets.builder().withOptimization(Optimizations.batching())
                    .build(id, limit::configuration)).tryConsumeAndReturnRemaining(1);
        } catch (RuntimeException unreachable) {
            log.warn("Rate limit store unavailable, request to {} let through: {}", key, unreachable.toString());
            return new Decision(true, limit.perMinute(), limit.perMinute(), clock.instant().getEpochSecond(), 0);
        }
        Instant now = clock.instant();
        long resetEpochSecond = secondsUp(now.plusNanos(probe.getNanosToWaitForReset()));
        if (probe.isConsumed()) {
            return new Decision(true, limit.perMinute(), probe.getRemainingTokens(), resetEpochSecond, 0);
        }
        long retryAfter = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999) / 1_000_000_000);
        return new Decision(false, limit.perMinute(), 0, resetEpochSecond, retryAfter);
    }

    /** Deletes the rows of buckets that have refilled (on every node: the statement skips rows another one locks). */
    @Scheduled(fixedDelay = 600_000, initialDelay = 60_000)
    public int removeExpired() {
        int removed = 0;
        int batch;
        do {
            batch = buckets.removeExpired(REMOVED_PER_STATEMENT);
            removed += batch;
        } while (batch == REMOVED_PER_STATEMENT);
        return removed;
    }

    private static long secondsUp(Instant instant) {
        return instant.getNano() == 0 ? instant.getEpochSecond() : instant.getEpochSecond() + 1;
    }

    private static TimeMeter timeMeter(Clock clock) {
        return new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                Instant now = clock.instant();
                return now.getEpochSecond() * 1_000_000_000L + now.getNano();
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }
}
