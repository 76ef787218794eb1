package io.timetracker.query.token;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Coalesces token usage in memory and writes it in one batch per flush (the API flushes once a minute),
 * so authenticating a request never writes to the database. {@code api_token_usage} is operational data,
 * not derived from events, and survives a projection rebuild.
 */
@Component
public class TokenUsageRecorder {

    private record Usage(long count, Instant lastUsedAt) {
    }

    private final JdbcTemplate jdbc;
    private final Map<Long, Usage> pending = new ConcurrentHashMap<>();

    public TokenUsageRecorder(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void recordUse(long tokenId, Instant at) {
        pending.merge(tokenId, new Usage(1, at), (earlier, now) -> new Usage(earlier.count() + 1, now.lastUsedAt()));
    }

    /** Writes what was recorded since the last flush. */
    public void flush() {
        List<Object[]> rows = new ArrayList<>();
        for (Long tokenId : List.copyOf(pending.keySet())) {
            Usage usage = pending.remove(tokenId);
            if (usage != null) {
                rows.add(new Object[]{tokenId, usage.count(), Timestamp.from(usage.lastUsedAt())});
            }
        }
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("""
                    INSERT INTO api_token_usage (token_id, usage_count, last_used_at) VALUES (?, ?, ?)
                    ON CONFLICT (token_id) DO UPDATE SET usage_count = api_token_usage.usage_count + excluded.usage_count,
                        last_used_at = greatest(api_token_usage.last_used_at, excluded.last_used_at)""", rows);
        }
    }
}
