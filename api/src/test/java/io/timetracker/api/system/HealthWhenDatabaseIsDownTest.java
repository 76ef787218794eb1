package io.timetracker.api.system;

import org.junit.jupiter.api.Test;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** The one health case an end-to-end test cannot reach honestly: a database that does not answer. */
class HealthWhenDatabaseIsDownTest {

    @Test
    void anUnreachableDatabaseMakesTheServiceUnhealthy() throws SQLException {
        DataSource unreachable = mock(DataSource.class);
        when(unreachable.getConnection()).thenThrow(new SQLException("Connection refused"));
        ApplicationAvailability started = mock(ApplicationAvailability.class);
        when(started.getReadinessState()).thenReturn(ReadinessState.ACCEPTING_TRAFFIC);
        Clock clock = Clock.fixed(Instant.parse("2025-01-27T09:00:00Z"), ZoneOffset.UTC);
        SystemController controller = new SystemController(new JdbcTemplate(unreachable), started,
                new EnabledModules(), clock, "test", "UTC");

        ResponseEntity<Map<String, Object>> health = controller.health();

        assertThat(health.getStatusCode().value()).isEqualTo(503);
        assertThat(health.getBody()).containsEntry("status", "unhealthy").containsEntry("database", "unreachable")
                .containsEntry("timestamp", clock.instant());
    }
}
