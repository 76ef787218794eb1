package io.timetracker.query.common;

import io.timetracker.events.timeentry.TimeEntryCreated;
import io.timetracker.events.timeentry.TimeEntryDeleted;
import io.timetracker.events.timeentry.TimeEntryUpdated;
import io.timetracker.events.timeentry.TimerStopped;

/** Lets tests outside this package hand events to a {@link BookedTimeTotals}' package-private handlers. */
public class BookedTimeTotalsProbe {

    private final BookedTimeTotals totals;

    public BookedTimeTotalsProbe(BookedTimeTotals totals) {
        this.totals = totals;
    }

    public void deliver(Object event, long version) {
        if (event instanceof TimeEntryCreated created) {
            totals.on(created, version);
        } else if (event instanceof TimerStopped stopped) {
            totals.on(stopped, version);
        } else if (event instanceof TimeEntryUpdated updated) {
            totals.on(updated, version);
        } else if (event instanceof TimeEntryDeleted deleted) {
            totals.on(deleted, version);
        }
    }
}
