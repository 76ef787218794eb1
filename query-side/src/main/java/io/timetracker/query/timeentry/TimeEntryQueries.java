package io.timetracker.query.timeentry;

import io.timetracker.query.common.PageRequest;

import java.time.Instant;
import java.util.List;

/** The queries the time-entries projection answers. */
public final class TimeEntryQueries {

    private TimeEntryQueries() {
    }

    /** Answers {@code Versioned<TimeEntryView>}, or null. */
    public record FindTimeEntry(long entryId) {
    }

    /** Answers {@code Versioned<TimeEntryView>} of the user's running timer, or null. */
    public record FindRunningTimer(long userId) {
    }

    /**
     * Answers {@code PageResult<TimeEntryView>} ordered by start_time desc, then id desc. Every filter may be
     * null (not applied): entries starting in [{@code startFrom}, {@code startBefore}); {@code tags}: entries
     * carrying all of them (case-insensitive). Running timers only with {@code includeActive}.
     */
    public record ListTimeEntries(Long userId, Long projectId, Long clientId, Long taskId, Instant startFrom,
                                  Instant startBefore, Boolean billable, boolean includeActive, List<String> tags,
                                  PageRequest page) {
    }
}
