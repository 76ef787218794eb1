package io.timetracker.query.integrity;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;

/**
 * Checks the hash chains of the event store (V46, {@code docs/integrity.md}): for every stored event, that it
 * follows the previous event of its aggregate without a gap in the sequence numbers, and that its stored hash is
 * the hash of its stored columns chained to the previous event's stored hash. Each event is checked against its
 * neighbour only, so a changed event is reported itself, not every event after it.
 * <p>
 * The whole store is checked by one statement in the database, which streams it: the digest of each event is taken
 * as it is read, and only the small rows (aggregate, sequence, index, two hashes) are put in chain order, in the
 * database's own bounded sort. What comes back is one row of counts; the first break (lowest global index) is then
 * read again, with its details, from its aggregate's events alone, in the same snapshot.
 */
@Component
public class EventChainCheck {

    /** The first event that does not follow its chain; {@code mismatch} says how. */
    public record Break(String aggregateIdentifier, String aggregateType, long sequenceNumber, long globalIndex,
                        String eventType, Mismatch mismatch, Long previousSequenceNumber) {
    }

    /** How an event breaks its chain. */
    public enum Mismatch {
        /** The aggregate's stored event before this one is not the one just before it: events are missing. */
        SEQUENCE,
        /** The stored hash is not that of the event's columns and the previous hash: the event (or a hash) changed. */
        HASH
    }

    /** What a check found: the events checked, how many break their chain, the first break (null: none). */
    public record Report(long eventsVerified, long eventsBroken, long head, Duration duration, Break firstBreak) {

        public boolean intact() {
            return eventsBroken == 0;
        }
    }

    /** Every event checked against its predecessor; {@code %s} restricts the events read (always a whole chain). */
    private static final String CHECKED = """
            SELECT global_index, aggregate_identifier, type, sequence_number, payload_type, previous_sequence,
                   CASE WHEN sequence_number <> coalesce(previous_sequence + 1, 0) THEN 'SEQUENCE'
                        WHEN event_hash <> event_chain_link(previous_hash, digest) THEN 'HASH' END AS mismatch
            FROM (SELECT global_index, aggregate_identifier, type, sequence_number, payload_type, event_hash, digest,
                         lag(sequence_number) OVER chain AS previous_sequence,
                         lag(event_hash) OVER chain AS previous_hash
                  -- OFFSET 0 keeps the digest in the scan, so the sort carries hashes, never payloads
                  FROM (SELECT global_index, aggregate_identifier, type, sequence_number, payload_type, event_hash,
                               event_digest(e) AS digest
                        FROM domain_event_entry e %s OFFSET 0) events
                  WINDOW chain AS (PARTITION BY aggregate_identifier ORDER BY sequence_number)) chained""";

    private static final String COUNTS = """
            SELECT count(*), count(*) FILTER (WHERE mismatch IS NOT NULL),
                   min(global_index) FILTER (WHERE mismatch IS NOT NULL), coalesce(max(global_index), 0)
            FROM (%s) checked""".formatted(CHECKED.formatted(""));

    private static final String ONE = "SELECT * FROM (%s) checked WHERE global_index = ?".formatted(
            CHECKED.formatted("""
                    WHERE aggregate_identifier = (SELECT aggregate_identifier FROM domain_event_entry
                                                  WHERE global_index = ?)"""));

    private final JdbcTemplate jdbc;
    private final TransactionTemplate snapshot;

    public EventChainCheck(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.snapshot = new TransactionTemplate(transactionManager);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.setReadOnly(true);
    }

    /** Checks every stored event, as the store stands at one instant (writers go on meanwhile). */
    public Report verify() {
        long started = System.nanoTime();
        return snapshot.execute(status -> {
            Counts counts = jdbc.queryForObject(COUNTS, (row, n) -> new Counts(row.getLong(1), row.getLong(2),
                    row.getObject(3, Long.class), row.getLong(4)));
            Break first = counts.firstBroken() == null ? null : firstBreak(counts.firstBroken());
            return new Report(counts.verified(), counts.broken(), counts.head(),
                    Duration.ofNanos(System.nanoTime() - started), first);
        });
    }

    private record Counts(long verified, long broken, Long firstBroken, long head) {
    }

    private Break firstBreak(long globalIndex) {
        return jdbc.queryForObject(ONE, (row, n) -> new Break(row.getString("aggregate_identifier"),
                row.getString("type"), row.getLong("sequence_number"), row.getLong("global_index"),
                row.getString("payload_type"), Mismatch.valueOf(row.getString("mismatch")),
                row.getObject("previous_sequence", Long.class)), globalIndex, globalIndex);
    }
}
