package io.timetracker.query.replay;

import org.springframework.jdbc.core.RowMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A rebuild or check of read models as {@code projection_job} keeps it: its state ({@code building}, {@code
 * indexing}, {@code catching_up}, {@code switching}, {@code comparing}, then {@code done}, {@code failed} or {@code
 * abandoned}), its progress through the event store, and a check's report (JSON).
 */
public record ProjectionJob(long id, String kind, List<String> readModels, String state, long eventsDone,
                            long eventsTotal, Long position, Instant startedAt, Instant updatedAt, Instant finishedAt,
                            String error, String report) {

    static final RowMapper<ProjectionJob> ROWS = (rs, row) -> new ProjectionJob(rs.getLong("id"), rs.getString("kind"),
            Arrays.asList((String[]) rs.getArray("read_models").getArray()), rs.getString("state"),
            rs.getLong("events_done"), rs.getLong("events_total"), (Long) rs.getObject("position"),
            rs.getTimestamp("started_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
            rs.getTimestamp("finished_at") == null ? null : rs.getTimestamp("finished_at").toInstant(),
            rs.getString("error"), rs.getString("report"));

    public boolean running() {
        return finishedAt == null;
    }

    /** Events per second so far. */
    public long rate() {
        long millis = Math.max(Duration.between(startedAt, finishedAt != null ? finishedAt : updatedAt).toMillis(), 1);
        return eventsDone * 1000 / millis;
    }

    /** Seconds until the pass through the event store ends, at the rate so far (null: not known or over). */
    public Long etaSeconds() {
        long rate = rate();
        if (!running() || rate == 0) {
            return null;
        }
        return Math.max(eventsTotal - eventsDone, 0) / rate;
    }
}
