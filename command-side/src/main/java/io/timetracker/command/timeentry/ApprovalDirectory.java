package io.timetracker.command.timeentry;

import io.timetracker.command.common.IdAllocator;
import io.timetracker.events.AggregateIds;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Which entry each approval request belongs to, in the command side's {@code approval_directory}: the entry's
 * aggregate decides its requests, so a command about a request is sent to that entry. Rows are written in the
 * transaction of the event that opens the request.
 */
@Component
public class ApprovalDirectory {

    private final JdbcTemplate jdbc;
    private final IdAllocator ids;

    public ApprovalDirectory(JdbcTemplate jdbc, IdAllocator ids) {
        this.jdbc = jdbc;
        this.ids = ids;
    }

    /** A new request id for the next level of a chain of {@code entryId}, recorded as that entry's. */
    long open(long entryId) {
        long approvalId = ids.next(AggregateIds.TIME_ENTRY_APPROVAL);
        record(approvalId, entryId);
        return approvalId;
    }

    void record(long approvalId, long entryId) {
        jdbc.update("INSERT INTO approval_directory (approval_id, entry_id) VALUES (?, ?)", approvalId, entryId);
    }

    /** The entry the request belongs to, or null when there is no such request. */
    public Long entryOf(long approvalId) {
        List<Long> entry = jdbc.queryForList("SELECT entry_id FROM approval_directory WHERE approval_id = ?",
                Long.class, approvalId);
        return entry.isEmpty() ? null : entry.get(0);
    }
}
