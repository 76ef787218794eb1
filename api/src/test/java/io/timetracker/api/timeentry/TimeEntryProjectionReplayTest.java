package io.timetracker.api.timeentry;

import io.timetracker.api.support.EndToEndTest;
import io.timetracker.events.timeentry.TimeEntryCreated;
import io.timetracker.events.timeentry.TimeEntryDeleted;
import io.timetracker.events.timeentry.TimeEntryDetails;
import io.timetracker.events.timeentry.TimeEntryUpdated;
import io.timetracker.events.timeentry.TimerStopped;
import io.timetracker.query.common.BookedTimeTotalsProbe;
import io.timetracker.query.project.ProjectTimeTotals;
import io.timetracker.query.timeentry.TimeEntryProjection;
import io.timetracker.query.timeentry.TimeEntryProjectionProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Feeds events straight into the time-entries projection and the project totals, each one twice (a redelivery)
 * and sometimes out of date, and checks the read tables: nothing counted twice, nothing older wins. The fed
 * events are not in the event store, so everything they wrote is rolled back (a rebuild must reproduce the tables).
 */
@Transactional
class TimeEntryProjectionReplayTest extends EndToEndTest {

    private static final Instant NINE = Instant.parse("2019-03-04T09:00:00Z");
    private static final Instant TEN = NINE.plusSeconds(3600);

    @Autowired
    private TimeEntryProjection entries;
    @Autowired
    private ProjectTimeTotals projectTotals;
    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void redeliveredEventsChangeNothingTwice() {
        long user = ThreadLocalRandom.current().nextLong(1_000_000_000L, 2_000_000_000L);
        long project = createProject(unique("Project"), createClient(unique("Client")));
        long completed = user;
        long running = user + 1;
        TimeEntryDetails hour = details(user, project, NINE, TEN, 3600L);
        TimeEntryDetails timer = details(user, project, TEN, null, null);

        twice(() -> deliver(new TimeEntryCreated(completed, hour, "manual"), 0));
        twice(() -> deliver(new TimeEntryCreated(running, timer, "timer"), 0));
        assertThat(counts(user)).isEqualTo("1/1");
        assertThat(projectSeconds(project)).isEqualTo(3600);

        TimeEntryDetails stopped = details(user, project, TEN, TEN.plusSeconds(1800), 1800L);
        twice(() -> deliver(new TimerStopped(running, stopped), 1));
        assertThat(counts(user)).isEqualTo("2/0");
        assertThat(projectSeconds(project)).isEqualTo(5400);

        TimeEntryDetails shorter = details(user, project, NINE, NINE.plusSeconds(600), 600L);
        twice(() -> deliver(new TimeEntryUpdated(completed, shorter), 2));
        deliver(new TimeEntryUpdated(completed, hour), 1);
        assertThat(jdbc.queryForObject("SELECT duration_seconds FROM time_entries WHERE id = ?", Long.class,
                completed)).isEqualTo(600);
        assertThat(projectSeconds(project)).isEqualTo(2400);

        twice(() -> deliver(new TimeEntryDeleted(completed, user, project), 3));
        assertThat(counts(user)).isEqualTo("1/0");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM time_entries WHERE id = ?", Long.class, completed))
                .isZero();
        assertThat(projectSeconds(project)).isEqualTo(1800);
    }

    private void deliver(Object event, long version) {
        new TimeEntryProjectionProbe(entries).deliver(event, NINE.plusSeconds(version), version);
        new BookedTimeTotalsProbe(projectTotals).deliver(event, version);
    }

    private static void twice(Runnable delivery) {
        delivery.run();
        delivery.run();
    }

    private String counts(long user) {
        return jdbc.queryForObject("SELECT completed || '/' || running FROM time_entry_counts WHERE user_id = ?",
                String.class, user);
    }

    private long projectSeconds(long project) {
        return jdbc.queryForObject("SELECT coalesce(sum(seconds), 0) FROM project_time_totals WHERE project_id = ?",
                Long.class, project);
    }

    private static TimeEntryDetails details(long user, long project, Instant start, Instant end, Long duration) {
        return new TimeEntryDetails(user, project, 1, null, start, end, 0, duration, null, null, true, false, null);
    }
}
