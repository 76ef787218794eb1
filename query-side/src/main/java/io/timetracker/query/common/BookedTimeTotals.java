package io.timetracker.query.common;

import io.timetracker.events.timeentry.TimeEntryCreated;
import io.timetracker.events.timeentry.TimeEntryDeleted;
import io.timetracker.events.timeentry.TimeEntryDetails;
import io.timetracker.events.timeentry.TimeEntryUpdated;
import io.timetracker.events.timeentry.TimerStopped;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;

import static io.timetracker.query.common.RowStatement.bigint;

/**
 * Keeps the time booked per row of a read table (projects, tasks) from time-entry events. A subclass joins the
 * read model that shows the totals. Its ledger remembers what each entry last booked on which row, so each event
 * applies the difference; a replayed or repeated event finds the ledger at its version already and changes
 * nothing. The totals are spread over {@value #SHARDS} rows per booked row (by entry), so that writers booking on
 * one project at once rarely wait for each other's row locks; a read sums them. Running timers book nothing until
 * they stop. ({@code previous} reads the ledger as it was before the statement: all parts of one statement share
 * its snapshot.)
 */
public abstract class BookedTimeTotals {

    static final int SHARDS = 32;

    /**
     * Adds the rows of {@code deltas} (entry_id, key, seconds, billable_seconds) to the totals' shards, locking them
     * in key order, so that two transactions adding to many shards at once wait for each other rather than deadlock.
     */
    private static final String ADD_TO_TOTALS = """
            INSERT INTO %2$s AS t (%3$s, shard, seconds, billable_seconds)
            SELECT key, entry_id %% %4$d, sum(seconds), sum(billable_seconds) FROM deltas
            WHERE key IS NOT NULL GROUP BY key, entry_id %% %4$d
            HAVING sum(seconds) <> 0 OR sum(billable_seconds) <> 0 ORDER BY 1, 2
            ON CONFLICT (%3$s, shard) DO UPDATE SET seconds = t.seconds + EXCLUDED.seconds,
                   billable_seconds = t.billable_seconds + EXCLUDED.billable_seconds""";

    /** A new entry: nothing to take back, so no ledger row to read first. */
    private static final String BOOK_NEW = """
            WITH deltas AS (
                INSERT INTO %1$s (entry_id, %3$s, seconds, billable_seconds, version)
                SELECT entry_id, key, seconds, billable_seconds, version FROM rows
                ON CONFLICT (entry_id) DO NOTHING
                RETURNING entry_id, %3$s AS key, seconds, billable_seconds
            )
            """ + ADD_TO_TOTALS;

    /**
     * A changed entry: takes back what the ledger says it booked before and books what it books now. An entry that
     * books nothing now and booked nothing before needs no ledger row.
     */
    private static final String BOOK_CHANGE = """
            WITH previous AS (
                SELECT b.entry_id, b.%3$s AS key, b.seconds, b.billable_seconds
                FROM %1$s b JOIN rows r ON r.entry_id = b.entry_id
            ), booked AS (
                INSERT INTO %1$s AS b (entry_id, %3$s, seconds, billable_seconds, version)
                SELECT r.entry_id, r.key, r.seconds, r.billable_seconds, r.version FROM rows r
                WHERE r.key IS NOT NULL OR r.entry_id IN (SELECT entry_id FROM previous)
                ON CONFLICT (entry_id) DO UPDATE SET %3$s = EXCLUDED.%3$s, seconds = EXCLUDED.seconds,
                       billable_seconds = EXCLUDED.billable_seconds, version = EXCLUDED.version
                WHERE b.version < EXCLUDED.version
                RETURNING b.entry_id
            ), deltas AS (
                SELECT p.entry_id, p.key, -p.seconds AS seconds, -p.billable_seconds AS billable_seconds
                FROM previous p JOIN booked USING (entry_id)
                UNION ALL
                SELECT r.entry_id, r.key, r.seconds, r.billable_seconds FROM rows r JOIN booked USING (entry_id)
            )
            """ + ADD_TO_TOTALS;

    private final ProjectionWrites writes;
    private final RowStatement bookNew;
    private final RowStatement bookChange;

    /**
     * @param ledger    the ledger table: (entry_id PK, {@code keyColumn}, seconds, billable_seconds, version)
     * @param totals    the totals table: ({@code keyColumn}, shard) PK, seconds, billable_seconds
     * @param keyColumn the column naming the row the time is booked on
     */
    protected BookedTimeTotals(ProjectionWrites writes, String ledger, String totals, String keyColumn) {
        this.writes = writes;
        this.bookNew = statement(BOOK_NEW, ledger, totals, keyColumn);
        this.bookChange = statement(BOOK_CHANGE, ledger, totals, keyColumn);
    }

    private static RowStatement statement(String sql, String ledger, String totals, String keyColumn) {
        return RowStatement.contended(ledger, sql.formatted(ledger, totals, keyColumn, SHARDS), bigint("entry_id"),
                bigint("key"), bigint("seconds"), bigint("billable_seconds"), bigint("version"));
    }

    /** The id of the row the entry books its time on, or null. */
    protected abstract Long key(TimeEntryDetails entry);

    /** A new entry that books nothing (a running timer, no row to book on) needs no ledger row. */
    @EventHandler
    void on(TimeEntryCreated event, @SequenceNumber long version) {
        TimeEntryDetails entry = event.entry();
        if (key(entry) != null && entry.durationSeconds() != null && entry.durationSeconds() > 0) {
            book(bookNew, event.entryId(), entry, version);
        }
    }

    @EventHandler
    void on(TimerStopped event, @SequenceNumber long version) {
        book(bookChange, event.entryId(), event.entry(), version);
    }

    @EventHandler
    void on(TimeEntryUpdated event, @SequenceNumber long version) {
        book(bookChange, event.entryId(), event.entry(), version);
    }

    @EventHandler
    void on(TimeEntryDeleted event, @SequenceNumber long version) {
        writes.add(bookChange, event.entryId(), event.entryId(), null, 0L, 0L, version);
    }

    private void book(RowStatement statement, long entryId, TimeEntryDetails entry, long version) {
        long seconds = entry.durationSeconds() == null ? 0 : entry.durationSeconds();
        writes.add(statement, entryId, entryId, key(entry), seconds, entry.billable() ? seconds : 0, version);
    }
}
