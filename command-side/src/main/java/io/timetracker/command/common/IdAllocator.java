package io.timetracker.command.common;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Allocates the public numeric ids, one PostgreSQL sequence per resource type. A sequence never hands out
 * the same value twice, on any node; ids lost to refused commands leave harmless gaps.
 */
@Component
public class IdAllocator {

    private final JdbcTemplate jdbc;

    public IdAllocator(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @param resource an {@link io.timetracker.events.AggregateIds} type; its sequence is {@code <type>_id_seq} */
    public long next(String resource) {
        String sequence = resource.replace('-', '_') + "_id_seq";
        return jdbc.queryForObject("SELECT nextval(?::regclass)", Long.class, sequence);
    }
}
