package io.timetracker.api.timeentry;

import io.timetracker.api.auth.Caller;
import io.timetracker.api.web.ApiException;
import io.timetracker.api.web.Queries;
import io.timetracker.query.common.Versioned;
import io.timetracker.query.timeentry.TimeEntryQueries.FindTimeEntry;
import io.timetracker.query.timeentry.TimeEntryView;
import org.springframework.stereotype.Component;

/** Reads single entries the way their owner sees them: another user's entry is 404, never its data (admins see all). */
@Component
class VisibleEntries {

    private final Queries queries;

    VisibleEntries(Queries queries) {
        this.queries = queries;
    }

    Versioned<TimeEntryView> find(long entryId, Caller caller) {
        return visible(queries.one(new FindTimeEntry(entryId), "Time entry"), caller);
    }

    /** {@code entry} (null: none) if the caller may see it, else 404. */
    Versioned<TimeEntryView> visible(Versioned<TimeEntryView> entry, Caller caller) {
        if (entry == null || !caller.actor().mayActFor(entry.value().userId())) {
            throw ApiException.notFound("Time entry not found");
        }
        return entry;
    }

    /** Whether the entry exists and the caller may see it. */
    @SuppressWarnings("unchecked")
    boolean isVisible(long entryId, Caller caller) {
        Versioned<TimeEntryView> entry = queries.get(new FindTimeEntry(entryId), Versioned.class);
        return entry != null && caller.actor().mayActFor(entry.value().userId());
    }
}
