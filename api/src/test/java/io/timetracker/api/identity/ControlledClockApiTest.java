package io.timetracker.api.identity;

import io.timetracker.api.identity.IdentityFixtures.Account;
import io.timetracker.api.identity.IdentityFixtures.IssuedToken;
import io.timetracker.api.support.ApiClient;
import io.timetracker.api.support.ApiClient.Response;
import io.timetracker.api.support.EndToEndTest;
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

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static io.timetracker.api.identity.IdentityFixtures.anonymous;
import static io.timetracker.api.identity.IdentityFixtures.issue;
import static io.timetracker.api.identity.IdentityFixtures.register;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What depends on time - rate limits, token expiry, usage flushing - in a second application context whose
 * clock only moves when the test moves it, with 5 requests per minute per token, 3 sign-ins per minute
 * per address and 2 admin web sign-ins per minute per account. Each test starts at the start of a fresh minute. The context shares the embedded database with the
 * others, and is closed after this class so that it does not go on as a second node beside them.
 */
@DirtiesContext
@TestPropertySource(properties = {
        "timetracker.rate-limit.per-minute=5",
        "timetracker.rate-limit.login-per-minute=3",
        "timetracker.admin.sign-in-attempts-per-minute=2",
        "timetracker.tokens.usage-flush-interval=1h"
})
class ControlledClockApiTest extends EndToEndTest {

    /** A clock that stands still until told to move. */
    static final class TestClock extends Clock {

        private volatile Instant now = Instant.now();

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        void advanceToNextMinute() {
            now = now.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
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

    @TestConfiguration
    static class Config {

        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock();
        }
    }

    @Autowired
    private TestClock clock;
    @Autowired
    private TokenUsageRecorder usage;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private ScheduledTaskHolder scheduledTasks;

    @BeforeEach
    void startAFreshMinute() {
        clock.advanceToNextMinute();
    }

    @Test
    void everyResponseCarriesTheLimitAndTheSixthRequestOfAMinuteIsRefused() {
        long userId = createUser("user");
        ApiClient limited = admin.as(issue(admin, userId, "read:users").token());
        ApiClient other = admin.as(issue(admin, userId, "read:users").token());
        long resetAt = clock.instant().getEpochSecond() + 60;

        for (int remaining = 4; remaining >= 0; remaining--) {
            Response allowed = limited.get("/api/v1/users/me");
            assertThat(allowed.status()).isEqualTo(200);
            assertThat(allowed.header("X-RateLimit-Limit")).isEqualTo("5");
            assertThat(allowed.header("X-RateLimit-Remaining")).isEqualTo(String.valueOf(remaining));
            assertThat(allowed.header("X-RateLimit-Reset")).isEqualTo(String.valueOf(resetAt));
        }
        clock.advance(Duration.ofSeconds(45));
        Response refused = limited.get("/api/v1/users/me");

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.body().get("error_code").asString()).isEqualTo("rate_limited");
        assertThat(refused.header("Retry-After")).isEqualTo("15");
        assertThat(refused.header("X-RateLimit-Remaining")).isEqualTo("0");
        assertThat(refused.header("X-RateLimit-Reset")).isEqualTo(String.valueOf(resetAt));
        assertThat(other.get("/api/v1/users/me").status()).isEqualTo(200);

        clock.advance(Duration.ofSeconds(15));
        assertThat(limited.get("/api/v1/users/me").status()).isEqualTo(200);
    }

    @Test
    void adminWebSignInsAreLimitedPerAccountAndPerAddressWithTheApisSignInsEvenWithTheRightPassword() {
        Account first = register(admin, "admin");
        Account second = register(admin, "admin");
        for (int attempt = 0; attempt < 2; attempt++) {
            assertThat(new WebSession(port).signIn(first.username(), "not-the-password").header("Location"))
                    .endsWith("/admin/login?error");
        }
        clock.advance(Duration.ofSeconds(50));
        WebSession.Page throttled = new WebSession(port).signIn(first.username(), first.password());
        assertThat(throttled.status()).as("the account's third attempt, the address's third").isEqualTo(429);
        assertThat(throttled.header("Retry-After")).isEqualTo("10");
        assertThat(throttled.body()).contains("Too many sign-in attempts");

        assertThat(new WebSession(port).signIn(second.username(), second.password()).status())
                .as("the address's fourth attempt, whichever the account").isEqualTo(429);
        assertThat(anonymous(admin).post("/api/v1/auth/login", "{\"username\": \"%s\", \"password\": \"%s\"}"
                .formatted(second.username(), second.password())).status()).as("the API's, same address").isEqualTo(429);

        clock.advance(Duration.ofSeconds(10));
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
        assertThat(refused.header("Retry-After")).isEqualTo("60");
        assertThat(refused.body().has("token")).isFalse();
        assertThat(admin.get("/api/v1/users/me").status()).isEqualTo(200);

        clock.advance(Duration.ofMinutes(1));
        assertThat(anonymous.post("/api/v1/auth/login", right).status()).isEqualTo(200);
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
