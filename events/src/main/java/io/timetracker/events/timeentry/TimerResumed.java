package io.timetracker.events.timeentry;

import java.time.Instant;

/** The paused timer runs again; the paused span is now part of {@code breakSeconds} (the new total). */
public record TimerResumed(long entryId, long userId, Instant resumedAt, long breakSeconds) {
}
