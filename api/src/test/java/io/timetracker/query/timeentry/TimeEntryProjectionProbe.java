package io.timetracker.query.timeentry;

import io.timetracker.events.timeentry.TimeEntryCreated;
import io.timetracker.events.timeentry.TimeEntryDeleted;
import io.timetracker.events.timeentry.TimeEntryUpdated;
import io.timetracker.events.timeentry.TimerStopped;

import java.time.Instant;

/** Lets tests outside this package hand events to {@link TimeEntryProjection}'s package-private handlers. */
public class TimeEntryProjectionProbe {

    private final TimeEntryProjection projection;

    public TimeEntryProjectionProbe(TimeEntryProjection projection) {
        this.projection = projection;
    }

    public void deliver(Object event, Instant at, long version) {
        if (event instanceof TimeEntryCreated created) {
            projection.on(created, at, version);
        } else if (event instanceof TimerStopped stopped) {
            projection.on(stopped, at, version);
        } else if (event instanceof TimeEntryUpdated updated) {
            projection.on(updated, at, version);
        } else if (event instanceof TimeEntryDeleted deleted) {
            projection.on(deleted);
        }
    }
}
