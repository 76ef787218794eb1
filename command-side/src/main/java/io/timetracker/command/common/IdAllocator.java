package io.timetracker.command.common;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Allocates the public numeric ids, one PostgreSQL sequence per resource type. A sequence never hands out the same
 * value twice, on any node; each node takes {@code timetracker.ids.block-size} values in one round trip and hands
 * them out from memory, so a create costs no query for its id. Ids are therefore unique but not in creation order
 * across nodes, and values a node took but did not use (refused commands, a restart) are harmless gaps.
 */
@Component
public class IdAllocator {

    private final JdbcTemplate jdbc;
    private final int blockSize;
    private final Map<String, Deque<Long>> blocks = new ConcurrentHashMap<>();

    public IdAllocator(JdbcTemplate jdbc, @Value("${timetracker.ids.block-size:50}") int blockSize) {
        this.jdbc = jdbc;
        this.blockSize = Math.max(blockSize, 1);
    }

    /** @param resource an {@link io.timetracker.events.AggregateIds} type; its sequence is {@code <type>_id_seq} */
    public long next(String resource) {
        String sequence = resource.replace('-', '_') + "_id_seq";
        Deque<Long> block = blocks.computeIfAbsent(sequence, name -> new ArrayDeque<>());
        synchronized (block) {
            if (block.isEmpty()) {
                block.addAll(jdbc.queryForList("SELECT nextval(?::regclass) FROM generate_series(1, ?)", Long.class,
                        sequence, blockSize));
            }
            return block.removeFirst();
        }
    }
}
