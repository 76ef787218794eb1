package io.timetracker.events.timeentry;

/** The running timer ended; {@code entry} is the completed entry (end time, break, duration). */
public record TimerStopped(long entryId, TimeEntryDetails entry) {
}
