package io.timetracker.events.timeentry;

/** The entry now reads {@code entry} (the whole new state). */
public record TimeEntryUpdated(long entryId, TimeEntryDetails entry) {
}
