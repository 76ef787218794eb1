package io.timetracker.command.timeentry;

import java.time.Instant;

/**
 * The set-based rules over all of a user's entries, written in the same transaction as the events so that
 * racing commands on any number of nodes cannot both succeed: at most one running timer per user, and no two
 * entries of a user whose time spans overlap (a running timer occupies everything from its start on).
 */
public interface TimeEntryConstraints {

    /**
     * Makes {@code entryId} the user's one running timer; a no-op when it already is.
     *
     * @throws io.timetracker.command.common.CommandRejectedException TIMER_ALREADY_RUNNING when another is
     */
    void claimRunningTimer(long userId, long entryId);

    void releaseRunningTimer(long userId, long entryId);

    /**
     * Claims the span a new entry occupies in the user's time line ({@code end} null: open-ended).
     *
     * @throws io.timetracker.command.common.CommandRejectedException CONFLICT when it overlaps another entry of
     *                                                                 the user (unless overlaps are allowed)
     */
    void occupy(long userId, long entryId, Instant start, Instant end);

    /**
     * Moves an existing entry's span to a new one, as {@link #occupy} claims it.
     *
     * @throws io.timetracker.command.common.CommandRejectedException CONFLICT when the new span overlaps another
     *                                                                 entry of the user
     */
    void move(long userId, long entryId, Instant start, Instant end);

    /** Frees the entry's span (it was deleted). */
    void vacate(long entryId);
}
