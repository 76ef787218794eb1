package io.timetracker.command.timeentry;

import java.time.Instant;

/**
 * A time entry as a client describes it (create, or the merged result of a partial update): the command side
 * derives the client from the project and computes the duration. {@code endTime} null: a running timer.
 * {@code tags} is a normalized comma-separated string or null.
 */
public record EntryInput(Long projectId, Long clientId, Long taskId, Instant startTime, Instant endTime,
                         long breakSeconds, String notes, String tags, boolean billable, boolean paid,
                         String invoiceNumber) {
}
