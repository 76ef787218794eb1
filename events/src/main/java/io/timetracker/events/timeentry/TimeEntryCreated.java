package io.timetracker.events.timeentry;

/**
 * A time entry was recorded: completed when {@code entry} has an end time, else a running timer that started
 * at its start time. {@code source}: manual, timer, import or bulk.
 */
public record TimeEntryCreated(long entryId, TimeEntryDetails entry, String source) {
}
