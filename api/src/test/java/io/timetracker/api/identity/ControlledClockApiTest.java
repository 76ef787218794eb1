package io.timetracker.api.identity;

import io.timetracker.api.auth.RateLimiter;
import io.timetracker.api.identity.IdentityFixtures.Account;
import io.timetracker.api.identity.IdentityFixtures.IssuedToken;
import io.timetracker.api.support.ApiClient;
import io.timetracker.api.support.ApiClient.Response;
import io.timetracker.api.support.EndToEndTest;
import io.timetracker.api.support.SecondApplication;
import io.timetracker.api.support.WebSession;
import io.timetracker.query.token.TokenUsageRecorder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static io.timetracker.api.identity.IdentityFixtures.anonymous;
import static io.timetracker.api.identity.IdentityFixtures.issue;
import static io.timetracker.api.identity.IdentityFixtures.register;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What depends on time - rate limits, token expiry, usage flushing - in a second application context whose
 * clock only moves when the test moves it, with 5 requests per minute per token (a token every 12 s), 3 sign-ins per
 * minute per address (one every 20 s) and 2 admin web sign-ins per minute per account (one every 30 s). Each test
 * starts at the start of a fresh hour, when every bucket has refilled. The context shares the embedded database with
 * the others, and is closed after this class so that it does not go on as a second node beside them.
 */
@DirtiesContext
@TestPropertySource(properties = {
        ControlledClockApiTest.PER_MINUTE,
        ControlledClockApiTest.PER_HOUR,
        ControlledClockApiTest.SIGN_INS_PER_MINUTE,
        "timetracker.admin.sign-in-attempts-per-minute=2",
        "timetracker.tokens.usage-flush-interval=1h"
})
class ControlledClockApiTest extends EndToEndTest {

    /** The limits, also given to a second node. */
    static final String PER_MINUTE = "timetracker.rate-limit.per-minute=5";
    static final String PER_HOUR = "timetracker.rate-limit.per-hour=1000";
    static final String SIGN_INS_PER_MINUTE = "timetracker.rate-limit.login-per-minute=3";

    /** A clock that stands still until told to move. */
    static final class TestClock extends Clock {

        private volatile Instant now = Instant.now();

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        void advanceToNextHour() {
            now = now.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    /** One clock for this context and for a second node started beside it. */
    private static final TestClock CLOCK = new TestClock();

    @TestConfiguration
    static class Config {

        @Bean
        @Primary
        TestClock testClock() {
            return CLOCK;
        }
    }

    @Autowired
    private TestClock clock;
    @Autowired
    private TokenUsageRecorder usage;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private DataSource dataSource;
    @Autowired
    private RateLimiter limiter;
    @Autowired
    private ScheduledTaskHolder scheduledTasks;

    @BeforeEach
    void startAFreshHour() {
        clock.advanceToNextHour();
    }

    @Test
    void everyResponseCarriesTheBucketAndTheSixthRequestAtOnceIsRefusedInTheErrorShape() {
        long userId = createUser("user");
        ApiClient limited = admin.as(issue(admin, userId, "read:users").token());
        ApiClient other = admin.as(issue(admin, userId, "read:users").token());
        long now = clock.instant().getEpochSecond();

        for (int remaining = 4; remaining >= 0; remaining--) {
            Response allowed = limited.get("/api/v1/users/me");
            assertThat(allowed.status()).isEqualTo(200);
            assertThat(allowed.header("X-RateLimit-Limit")).isEqualTo("5");
            assertThat(allowed.header("X-RateLimit-Remaining")).isEqualTo(String.valueOf(remaining));
            assertThat(allowed.header("X-RateLimit-Reset")).as("full again after 12 s per spent request")
                    .isEqualTo(String.valueOf(now + 12L * (5 - remaining)));
        }
        Response refused = limited.get("/api/v1/users/me");

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.body().get("error_code").asString()).isEqualTo("rate_limited");
        assertThat(refused.body().get("error").asString()).isEqualTo("Too many requests");
        assertThat(refused.body().get("message").asString()).isEqualTo("Rate limit exceeded; retry after 12 s");
        assertThat(refused.header("Retry-After")).isEqualTo("12");
        assertThat(refused.header("X-RateLimit-Limit")).isEqualTo("5");
        assertThat(refused.header("X-RateLimit-Remaining")).isEqualTo("0");
        assertThat(refused.header("X-RateLimit-Reset")).isEqualTo(String.valueOf(now + 60));
        assertThat(other.get("/api/v1/users/me").status()).as("another token's bucket").isEqualTo(200);

        clock.advance(Duration.ofSeconds(11));
        assertThat(limited.get("/api/v1/users/me").header("Retry-After")).isEqualTo("1");
        clock.advance(Duration.ofSeconds(1));
        Response refilled = limited.get("/api/v1/users/me");
        assertThat(refilled.status()).isEqualTo(200);
        assertThat(refilled.header("X-RateLimit-Remaining")).isEqualTo("0");
    }

    @Test
    void healthProbesAreNeitherCountedNorRefused() {
        ApiClient anonymous = anonymous(admin);

        for (int probe = 0; probe < 8; probe++) {
            for (String path : List.of("/api/v1/health", "/actuator/health/readiness", "/actuator/health/liveness")) {
                Response answer = anonymous.get(path);
                assertThat(answer.status()).as(path).isEqualTo(200);
                assertThat(answer.header("X-RateLimit-Remaining")).as(path).isNull();
            }
        }

        assertThat(anonymous.get("/api/v1/info").header("X-RateLimit-Remaining"))
                .as("the address's bucket is untouched by 24 probes").isEqualTo("4");
    }

    @Test
    void aBucketSpentAtTheEndOfAMinuteIsNotFullAgainAtTheStartOfTheNext() {
        ApiClient limited = admin.as(issue(admin, createUser("user"), "read:users").token());
        Instant minute = clock.instant();
        clock.advance(Duration.ofSeconds(59));
        for (int request = 0; request < 5; request++) {
            assertThat(limited.get("/api/v1/users/me").status()).isEqualTo(200);
        }

        clock.advance(Duration.ofSeconds(1));
        for (int request = 0; request < 5; request++) {
            assertThat(limited.get("/api/v1/users/me").status()).as("a fixed window would admit 5 more now")
                    .isEqualTo(429);
        }
        List<Long> admittedAt = new ArrayList<>();
        for (int second = 61; second < 120; second++) {
            clock.advance(Duration.ofSeconds(1));
            if (limited.get("/api/v1/users/me").status() == 200) {
                admittedAt.add(Duration.between(minute, clock.instant()).toSeconds());
            }
        }
        assertThat(admittedAt).as("one request every 12 s after the burst at 59 s")
                .containsExactly(71L, 83L, 95L, 107L, 119L);
    }

    @Test
    void twoNodesOnOneDatabaseDrawOnTheSameBucket() {
        ApiClient limited = admin.as(issue(admin, createUser("user"), "read:users").token());
        try (SecondApplication secondNode = SecondApplication.startOnSameDatabase(dataSource, List.of(Config.class),
                PER_MINUTE, PER_HOUR, SIGN_INS_PER_MINUTE)) {
            secondNode.started();
            ApiClient onSecondNode = limited.on(secondNode.port());

            for (int remaining = 4; remaining >= 0; remaining--) {
                Response allowed = (remaining % 2 == 0 ? limited : onSecondNode).get("/api/v1/users/me");
                assertThat(allowed.status()).isEqualTo(200);
                assertThat(allowed.header("X-RateLimit-Remaining")).isEqualTo(String.valueOf(remaining));
            }

            assertThat(limited.get("/api/v1/users/me").status()).isEqualTo(429);
            assertThat(onSecondNode.get("/api/v1/users/me").status()).isEqualTo(429);
            clock.advance(Duration.ofSeconds(12));
            assertThat(onSecondNode.get("/api/v1/users/me").status()).isEqualTo(200);
            assertThat(limited.get("/api/v1/users/me").status()).as("the token the second node took").isEqualTo(429);
        }
    }

    @Test
    void aBucketsRowExpiresOnceItHasRefilledAndTheCleanupDeletesExpiredRows() {
        long userId = createUser("user");
        IssuedToken expiring = issue(admin, userId, "read:users");
        IssuedToken kept = issue(admin, userId, "read:users");
        long before = System.currentTimeMillis();
        assertThat(admin.as(expiring.token()).get("/api/v1/users/me").status()).isEqualTo(200);
        assertThat(admin.as(kept.token()).get("/api/v1/users/me").status()).isEqualTo(200);

        // the store's expiry is in real time: 12 s to refill the request, then 5 minutes kept
        assertThat(expiresAt(expiring)).isBetween(before + 312_000, System.currentTimeMillis() + 312_000);
        jdbc.update("UPDATE rate_limit_buckets SET expires_at = ? WHERE id = ?", before - 1, bucketOf(expiring));

        assertThat(limiter.removeExpired()).isPositive();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM rate_limit_buckets WHERE id = ?", Integer.class,
                bucketOf(expiring))).isZero();
        assertThat(expiresAt(kept)).as("a bucket not refilled yet stays").isNotNull();
    }

    private static String bucketOf(IssuedToken token) {
        return "token:" + token.id() + " 5/min 1000/h";
    }

    private Long expiresAt(IssuedToken token) {
        return jdbc.queryForObject("SELECT expires_at FROM rate_limit_buckets WHERE id = ?", Long.class,
                bucketOf(token));
    }

    @Test
    void adminWebSignInsAreLimitedPerAccountAndPerAddressWithTheApisSignInsEvenWithTheRightPassword() {
        Account first = register(admin, "admin");
        Account second = register(admin, "admin");
        for (int attempt = 0; attempt < 2; attempt++) {
            assertThat(new WebSession(port).signIn(first.username(), "not-the-password").header("Location"))
                    .endsWith("/admin/login?error");
        }
        clock.advance(Duration.ofSeconds(10));
        WebSession.Page throttled = new WebSession(port).signIn(first.username(), first.password());
        assertThat(throttled.status()).as("the account's third attempt, the address's third").isEqualTo(429);
        assertThat(throttled.header("Retry-After")).as("2/3 of the account's next attempt to refill").isEqualTo("20");
        assertThat(throttled.body()).contains("Too many sign-in attempts");

        assertThat(new WebSession(port).signIn(second.username(), second.password()).status())
                .as("the address's fourth attempt, whichever the account").isEqualTo(429);
        assertThat(anonymous(admin).post("/api/v1/auth/login", "{\"username\": \"%s\", \"password\": \"%s\"}"
                .formatted(second.username(), second.password())).status()).as("the API's, same address").isEqualTo(429);

        clock.advance(Duration.ofSeconds(20));
        new WebSession(port).signedInAs(first.username(), first.password());
    }

    @Test
    void signInIsLimitedPerAddressWhateverTheOutcome() {
        Account account = register(admin, "user");
        ApiClient anonymous = anonymous(admin);
        String wrong = "{\"username\": \"%s\", \"password\": \"not-the-password\"}".formatted(account.username());
        String right = "{\"username\": \"%s\", \"password\": \"%s\"}".formatted(account.username(), account.password());

        // every spelling of the sign-in path the router accepts counts against the same limit
        List<String> spellings = List.of("/api/v1/auth/login", "/api/v1/auth/%6Cogin", "/api/v1/%61uth/login");
        for (int remaining = 2; remaining >= 0; remaining--) {
            Response attempt = anonymous.post(spellings.get(2 - remaining), wrong);
            assertThat(attempt.status()).isEqualTo(401);
            assertThat(attempt.header("X-RateLimit-Limit")).isEqualTo("3");
            assertThat(attempt.header("X-RateLimit-Remaining")).isEqualTo(String.valueOf(remaining));
        }
        Response refused = anonymous.post("/api/v1/auth/login", right);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.body().get("error_code").asString()).isEqualTo("rate_limited");
        assertThat(refused.header("Retry-After")).as("one attempt every 20 s").isEqualTo("20");
        assertThat(refused.body().has("token")).isFalse();
        assertThat(admin.get("/api/v1/users/me").status()).isEqualTo(200);

        clock.advance(Duration.ofSeconds(20));
        assertThat(anonymous.post("/api/v1/auth/login", right).status()).isEqualTo(200);
        assertThat(anonymous.post("/api/v1/auth/login", right).status()).as("one attempt refilled, not three")
                .isEqualTo(429);
    }

    @Test
    void aTokenStopsWorkingWhenItExpires() {
        long userId = createUser("user");
        IssuedToken issued = issue(admin, userId, "read:users", "\"expires_days\": 1");
        ApiClient holder = admin.as(issued.token());
        assertThat(holder.get("/api/v1/users/me").status()).isEqualTo(200);

        clock.advance(Duration.ofDays(1));

        Response refused = holder.get("/api/v1/users/me");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.body().get("message").asString()).isEqualTo("Token has expired");
    }

    @Test
    void anExpiredTokenIsReportedExpiredBeforeItsAddressIsChecked() {
        long userId = createUser("user");
        IssuedToken issued = issue(admin, userId, "read:users",
                "\"expires_at\": \"%s\", \"ip_whitelist\": [\"10.9.8.7\"]".formatted(clock.instant().plusSeconds(30)));
        ApiClient holder = admin.as(issued.token());
        assertThat(holder.get("/api/v1/users/me").body().get("message").asString())
                .isEqualTo("Access denied from this IP address");

        clock.advance(Duration.ofSeconds(30));

        assertThat(holder.get("/api/v1/users/me").body().get("message").asString()).isEqualTo("Token has expired");
    }

    @Test
    void usageIsCountedInMemoryAndWrittenOnlyByAFlush() {
        IssuedToken issued = issue(admin, createUser("user"), "read:users");
        ApiClient holder = admin.as(issued.token());
        for (int i = 0; i < 3; i++) {
            assertThat(holder.get("/api/v1/users/me").status()).isEqualTo(200);
        }
        Instant lastUse = clock.instant();

        assertThat(storedUsageRows(issued.id())).isZero();
        Response beforeFlush = admin.get("/api/v1/api-tokens/" + issued.id());
        assertThat(beforeFlush.body().get("api_token").get("usage_count").asLong()).isZero();
        assertThat(beforeFlush.body().get("api_token").get("last_used_at").isNull()).isTrue();

        usage.flush();

        Response afterFlush = admin.get("/api/v1/api-tokens/" + issued.id());
        assertThat(afterFlush.body().get("api_token").get("usage_count").asLong()).isEqualTo(3);
        assertThat(OffsetDateTime.parse(afterFlush.body().get("api_token").get("last_used_at").asString())
                .toInstant()).isEqualTo(lastUse);

        clock.advance(Duration.ofSeconds(10));
        holder.get("/api/v1/users/me");
        usage.flush();
        Response afterSecondFlush = admin.get("/api/v1/api-tokens/" + issued.id());
        assertThat(afterSecondFlush.body().get("api_token").get("usage_count").asLong()).isEqualTo(4);
        assertThat(OffsetDateTime.parse(afterSecondFlush.body().get("api_token").get("last_used_at").asString())
                .toInstant()).isEqualTo(lastUse.plusSeconds(10));
    }

    @Test
    void theFlushIntervalIsConfigurable() {
        assertThat(scheduledTasks.getScheduledTasks())
                .map(scheduled -> scheduled.getTask())
                .filteredOn(task -> task.getRunnable().toString().contains("TokenUsageRecorder.flush"))
                .singleElement()
                .isInstanceOfSatisfying(FixedDelayTask.class,
                        task -> assertThat(task.getIntervalDuration()).isEqualTo(Duration.ofHours(1)));
    }

    private int storedUsageRows(long tokenId) {
        return jdbc.queryForObject("SELECT count(*) FROM api_token_usage WHERE token_id = ?", Integer.class, tokenId);
    }
}
