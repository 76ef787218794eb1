package io.timetracker.query.project;

import io.timetracker.events.timeentry.TimeEntryCreated;
import io.timetracker.events.timeentry.TimeEntryDeleted;
import io.timetracker.events.timeentry.TimeEntryUpdated;
import io.timetracker.events.timeentry.TimerStopped;

/** Lets tests outside this package hand events to {@link ProjectTimeTotals}' package-private handlers. */
public class ProjectTimeTotalsProbe {

    private final ProjectTimeTotals totals;

    public ProjectTimeTotalsProbe(ProjectTimeTotals totals) {
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
