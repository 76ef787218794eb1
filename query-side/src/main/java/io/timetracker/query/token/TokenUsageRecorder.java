package io.timetracker.query.token;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Coalesces token usage in memory and writes it in one batch per flush (every
 * {@code timetracker.tokens.usage-flush-interval}, default a minute, and once more at shutdown), so
 * authenticating a request never writes to the database. {@code api_token_usage} is operational data, not
 * derived from events, and survives a projection rebuild. A node that dies loses at most one interval of counts.
 */
@Component
public class TokenUsageRecorder implements DisposableBean {

    private record Usage(long count, Instant lastUsedAt) {

        Usage plus(Usage other) {
            return new Usage(count + other.count,
                    lastUsedAt.isAfter(other.lastUsedAt) ? lastUsedAt : other.lastUsedAt);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(TokenUsageRecorder.class);

    private final JdbcTemplate jdbc;
    private final Map<Long, Usage> pending = new ConcurrentHashMap<>();

    public TokenUsageRecorder(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void recordUse(long tokenId, Instant at) {
        pending.merge(tokenId, new Usage(1, at), Usage::plus);
    }

    /** Writes what was recorded since the last flush; on failure keeps it for the next one. */
    @Scheduled(fixedDelayString = "${timetracker.tokens.usage-flush-interval:1m}",
            initialDelayString = "${timetracker.tokens.usage-flush-interval:1m}")
    public void flush() {
        Map<Long, Usage> drained = new HashMap<>();
        for (Long tokenId : List.copyOf(pending.keySet())) {
            Usage usage = pending.remove(tokenId);
            if (usage != null) {
                drained.put(tokenId, usage);
            }
        }
        if (drained.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>();
        drained.forEach((tokenId, usage) ->
                rows.add(new Object[]{tokenId, usage.count(), Timestamp.from(usage.lastUsedAt())}));
        try {
            jdbc.batchUpdate("""
                    INSERT INTO api_token_usage (token_id, usage_count, last_used_at) VALUES (?, ?, ?)
                    ON CONFLICT (token_id) DO UPDATE SET usage_count = api_token_usage.usage_count + excluded.usage_count,
                        last_used_at = greatest(api_token_usage.last_used_at, excluded.last_used_at)""", rows);
        } catch (RuntimeException e) {
            drained.forEach((tokenId, usage) -> pending.merge(tokenId, usage, Usage::plus));
            throw e;
        }
    }

    /** The context is closing: keep what this node counted since the last scheduled flush, if the database lets us. */
    @Override
    public void destroy() {
        try {
            flush();
        } catch (RuntimeException e) {
            log.warn("Token usage counted since the last flush is lost: {}", e.getMessage());
        }
    }
}
