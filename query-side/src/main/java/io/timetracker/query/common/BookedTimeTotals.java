package io.timetracker.query.common;

import io.timetracker.events.timeentry.TimeEntryCreated;
import io.timetracker.events.timeentry.TimeEntryDeleted;
import io.timetracker.events.timeentry.TimeEntryDetails;
import io.timetracker.events.timeentry.TimeEntryUpdated;
import io.timetracker.events.timeentry.TimerStopped;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Keeps a read table's {@code total_seconds} and {@code billable_seconds} current from time-entry events. A
 * subclass joins the processing group of the projection that owns the table (same ordered stream, same
 * reset). Its ledger remembers what each entry last booked on which row, so each event becomes one statement
 * applying the difference; a replayed or repeated event finds the ledger at its version already and changes
 * nothing. Running timers book nothing until they stop. ({@code previous} reads the ledger row as it was
 * before this statement: all parts of one statement share its snapshot. No {@code FOR UPDATE} there: it
 * would skip the row this very statement updates.)
 */
public abstract class BookedTimeTotals {

    private static final String BOOK = """
            WITH previous AS (
                SELECT %3$s, seconds, billable_seconds FROM %1$s WHERE entry_id = :entryId
            ), booked AS (
                INSERT INTO %1$s AS b (entry_id, %3$s, seconds, billable_seconds, version)
                VALUES (:entryId, :key, :seconds, :billableSeconds, :version)
                ON CONFLICT (entry_id) DO UPDATE SET %3$s = EXCLUDED.%3$s, seconds = EXCLUDED.seconds,
                       billable_seconds = EXCLUDED.billable_seconds, version = EXCLUDED.version
                WHERE b.version < EXCLUDED.version
                RETURNING 1
            ), deltas AS (
                SELECT %3$s AS key, -seconds AS seconds, -billable_seconds AS billable_seconds FROM previous
                UNION ALL
                SELECT CAST(:key AS bigint), CAST(:seconds AS bigint), CAST(:billableSeconds AS bigint)
            )
            UPDATE %2$s t SET total_seconds = t.total_seconds + d.seconds,
                   billable_seconds = t.billable_seconds + d.billable_seconds
            FROM (SELECT key, sum(seconds) AS seconds, sum(billable_seconds) AS billable_seconds
                  FROM deltas GROUP BY key) d
            WHERE t.id = d.key AND EXISTS (SELECT 1 FROM booked)
              AND (d.seconds <> 0 OR d.billable_seconds <> 0)""";

    private final NamedParameterJdbcTemplate jdbc;
    private final BatchedWrites writes;
    private final String ledger;
    private final String book;

    /**
     * @param ledger    the ledger table: (entry_id PK, {@code keyColumn}, seconds, billable_seconds, version)
     * @param target    the read table whose rows (by id) carry the totals
     * @param keyColumn the ledger column naming the target row
     */
    protected BookedTimeTotals(NamedParameterJdbcTemplate jdbc, BatchedWrites writes, String ledger, String target,
                               String keyColumn) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.ledger = ledger;
        this.book = BOOK.formatted(ledger, target, keyColumn);
    }

    /** The id of the target row the entry books its time on, or null. */
    protected abstract Long key(TimeEntryDetails entry);

    @EventHandler
    void on(TimeEntryCreated event, @SequenceNumber long version) {
        book(event.entryId(), event.entry(), version);
    }

    @EventHandler
    void on(TimerStopped event, @SequenceNumber long version) {
        book(event.entryId(), event.entry(), version);
    }

    @EventHandler
    void on(TimeEntryUpdated event, @SequenceNumber long version) {
        book(event.entryId(), event.entry(), version);
    }

    @EventHandler
    void on(TimeEntryDeleted event, @SequenceNumber long version) {
        book(event.entryId(), null, 0, 0, version);
    }

    @ResetHandler
    void reset() {
        jdbc.getJdbcTemplate().execute("TRUNCATE " + ledger);
    }

    private void book(long entryId, TimeEntryDetails entry, long version) {
        long seconds = entry.durationSeconds() == null ? 0 : entry.durationSeconds();
        book(entryId, key(entry), seconds, entry.billable() ? seconds : 0, version);
    }

    private void book(long entryId, Long key, long seconds, long billableSeconds, long version) {
        writes.add(book, new MapSqlParameterSource("entryId", entryId)
                .addValue("key", key)
                .addValue("seconds", seconds)
                .addValue("billableSeconds", billableSeconds)
                .addValue("version", version));
    }
}
