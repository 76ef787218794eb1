package io.timetracker.api.auth;

import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** The one case the HTTP tests cannot reach honestly: a bucket store that does not answer. */
class RateLimiterTest {

    @Test
    void aStoreThatCannotBeReachedLetsTheRequestThrough() throws SQLException {
        DataSource unreachable = mock(DataSource.class);
        when(unreachable.getConnection()).thenThrow(new SQLException("Connection refused"));
        Clock clock = Clock.fixed(Instant.parse("2025-01-27T09:00:00Z"), ZoneOffset.UTC);

        RateLimiter.Decision decision = new RateLimiter(unreachable, clock)
                .acquire("ip:192.0.2.1", RateLimiter.Limit.perMinute(5));

        assertThat(decision.allowed()).isTrue();
        assertThat(decision.limit()).isEqualTo(5);
        assertThat(decision.resetEpochSecond()).isEqualTo(clock.instant().getEpochSecond());
    }
}
