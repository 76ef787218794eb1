package io.timetracker.events.timeentry;

import java.time.Instant;

/**
 * The whole recorded state of a time entry after an event, so a projection never needs an earlier event to
 * act on a later one. {@code clientId} is always set (with a project it is the project's client);
 * {@code endTime} and {@code durationSeconds} are null while the entry is a running timer;
 * {@code durationSeconds} = end − start − break, already rounded by the command side. {@code tags} is a
 * comma-separated string or null.
 */
public record TimeEntryDetails(long userId, Long projectId, long clientId, Long taskId, Instant startTime,
                               Instant endTime, long breakSeconds, Long durationSeconds, String notes, String tags,
                               boolean billable, boolean paid, String invoiceNumber) {

    public boolean running() {
        return endTime == null;
    }
}
