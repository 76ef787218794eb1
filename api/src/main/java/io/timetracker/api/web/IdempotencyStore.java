package io.timetracker.api.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The {@code idempotency_record} table: one row per (token, Idempotency-Key). A request first claims its key
 * (a row without a response), acts, then stores the response it gave. The claim is a single atomic insert,
 * so of two requests with one key on any number of nodes exactly one acts.
 */
@Component
public class IdempotencyStore {

    /**
     * A stored claim; {@code status} is null while the claiming request is still being processed, and
     * {@code bodyWithheld} says the response was not kept (it carried a secret, or the request failed after its
     * change committed). {@code committed}: the request's change is in the event store.
     */
    public record Entry(String fingerprint, Integer status, String contentType, String headers, byte[] body,
                        boolean bodyWithheld, boolean committed) {

        public boolean completed() {
            return status != null;
        }
    }

    /** The key a request holds while it acts. */
    public record Claim(long tokenId, String key, String fingerprint) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration retention;
    private final Duration abandonedAfter;

    public IdempotencyStore(JdbcTemplate jdbc, Clock clock,
                            @Value("${timetracker.idempotency.retention:24h}") Duration retention,
                            @Value("${timetracker.idempotency.abandoned-after:5m}") Duration abandonedAfter) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.retention = retention;
        this.abandonedAfter = abandonedAfter;
    }

    /**
     * Claims the key for a request with {@code fingerprint}. An expired record, or a claim whose request never
     * finished (its node died) and never committed a change, is taken over.
     *
     * @return whether this request now holds the key and must act
     */
    public boolean claim(long tokenId, String key, String fingerprint) {
        Instant now = clock.instant();
        return jdbc.update("""
                INSERT INTO idempotency_record (token_id, idempotency_key, request_hash, created_at)
                VALUES (?, ?, ?, ?)
                ON CONFLICT (token_id, idempotency_key) DO UPDATE
                    SET request_hash = EXCLUDED.request_hash, status = NULL, content_type = NULL, headers = NULL,
                        body = NULL, body_withheld = false, committed = false, created_at = EXCLUDED.created_at
                    WHERE idempotency_record.created_at < ?
                       OR (idempotency_record.status IS NULL AND NOT idempotency_record.committed
                           AND idempotency_record.created_at < ?)""",
                tokenId, key, fingerprint, Timestamp.from(now), Timestamp.from(now.minus(retention)),
                Timestamp.from(now.minus(abandonedAfter))) == 1;
    }

    /** @return the live record of the key, or null when there is none (or only an expired one) */
    public Entry find(long tokenId, String key) {
        List<Entry> found = jdbc.query("""
                        SELECT request_hash, status, content_type, headers, body, body_withheld, committed
                        FROM idempotency_record
                        WHERE token_id = ? AND idempotency_key = ? AND created_at >= ?""",
                (rs, row) -> new Entry(rs.getString("request_hash"), (Integer) rs.getObject("status"),
                        rs.getString("content_type"), rs.getString("headers"), rs.getBytes("body"),
                        rs.getBoolean("body_withheld"), rs.getBoolean("committed")),
                tokenId, key, Timestamp.from(clock.instant().minus(retention)));
        return found.isEmpty() ? null : found.get(0);
    }

    /**
     * Records that the claiming request's change committed. Called inside the command's own transaction, so the
     * mark and the change are stored together or not at all.
     */
    public void markCommitted(Claim claim) {
        jdbc.update("""
                        UPDATE idempotency_record SET committed = true
                        WHERE token_id = ? AND idempotency_key = ? AND request_hash = ? AND status IS NULL""",
                claim.tokenId(), claim.key(), claim.fingerprint());
    }

    /**
     * Stores the response the claiming request gave, to be replayed to every repeat; a null {@code body} with
     * {@code bodyWithheld} records only that the request was processed.
     */
    public void complete(Claim claim, int status, String contentType, String headers, byte[] body,
                         boolean bodyWithheld) {
        jdbc.update("""
                        UPDATE idempotency_record SET status = ?, content_type = ?, headers = ?, body = ?,
                            body_withheld = ?
                        WHERE token_id = ? AND idempotency_key = ? AND request_hash = ? AND status IS NULL""",
                status, contentType, headers, body, bodyWithheld, claim.tokenId(), claim.key(), claim.fingerprint());
    }

    /**
     * The request failed. When nothing of it committed the key is given up, so the client can correct the request
     * and retry; when its change did commit, the key is kept (without the failed answer): a retry must not act
     * twice.
     */
    public void fail(Claim claim, int status) {
        jdbc.update("""
                        DELETE FROM idempotency_record
                        WHERE token_id = ? AND idempotency_key = ? AND request_hash = ? AND status IS NULL
                          AND NOT committed""",
                claim.tokenId(), claim.key(), claim.fingerprint());
        jdbc.update("""
                        UPDATE idempotency_record SET status = ?, body_withheld = true
                        WHERE token_id = ? AND idempotency_key = ? AND request_hash = ? AND status IS NULL
                          AND committed""",
                status, claim.tokenId(), claim.key(), claim.fingerprint());
    }

    /** Forgets responses older than the retention period (24 hours by default). */
    @Scheduled(fixedDelayString = "${timetracker.idempotency.cleanup-interval:PT1H}",
            initialDelayString = "${timetracker.idempotency.cleanup-interval:PT1H}")
    public int purgeExpired() {
        return jdbc.update("DELETE FROM idempotency_record WHERE created_at < ?",
                Timestamp.from(clock.instant().minus(retention)));
    }
}
