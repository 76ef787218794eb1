package io.timetracker.events.timeentry;

import java.time.Instant;

/** The user's running timer was paused at {@code pausedAt}. */
public record TimerPaused(long entryId, long userId, Instant pausedAt) {
}
