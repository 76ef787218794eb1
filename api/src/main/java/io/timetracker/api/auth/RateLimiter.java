package io.timetracker.api.auth;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fixed-window request counters per key (a token, or a client IP), per minute and per hour. Counts are
 * kept per node: with several nodes behind a balancer each enforces its own share.
 */
@Component
public class RateLimiter {

    /** The outcome of one request against the limits; {@code limit}/{@code remaining} describe the minute window. */
    public record Decision(boolean allowed, int limit, int remaining, long resetEpochSecond, long retryAfterSeconds) {
    }

    private static final class Windows {
        long minute = -1;
        int minuteCount;
        long hour = -1;
        int hourCount;
    }

    private final Map<String, Windows> windows = new ConcurrentHashMap<>();
    private final Clock clock;

    public RateLimiter(Clock clock) {
        this.clock = clock;
    }

    public Decision acquire(String key, int perMinute, int perHour) {
        long nowSecond = clock.instant().getEpochSecond();
        long minute = nowSecond / 60;
        long hour = nowSecond / 3600;
        Windows counters = windows.computeIfAbsent(key, k -> new Windows());
        synchronized (counters) {
            if (counters.minute != minute) {
                counters.minute = minute;
                counters.minuteCount = 0;
            }
            if (counters.hour != hour) {
                counters.hour = hour;
                counters.hourCount = 0;
            }
            long minuteReset = (minute + 1) * 60;
            if (counters.hourCount >= perHour) {
                long hourReset = (hour + 1) * 3600;
                return new Decision(false, perMinute, 0, hourReset, hourReset - nowSecond);
            }
            if (counters.minuteCount >= perMinute) {
                return new Decision(false, perMinute, 0, minuteReset, minuteReset - nowSecond);
            }
            counters.minuteCount++;
            counters.hourCount++;
            return new Decision(true, perMinute, perMinute - counters.minuteCount, minuteReset, 0);
        }
    }

    /** Forgets keys idle for over an hour, so the map stays as small as the set of active clients. */
    @Scheduled(fixedDelay = 600_000)
    void forgetIdle() {
        long hour = clock.instant().getEpochSecond() / 3600;
        windows.values().removeIf(counters -> {
            synchronized (counters) {
                return counters.hour < hour - 1;
            }
        });
    }
}
