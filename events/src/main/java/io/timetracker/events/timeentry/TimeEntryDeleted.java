package io.timetracker.events.timeentry;

/** The entry was deleted; its events stay in the store as its history. */
public record TimeEntryDeleted(long entryId, long userId, Long projectId) {
}
