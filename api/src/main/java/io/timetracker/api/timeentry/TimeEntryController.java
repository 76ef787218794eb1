package io.timetracker.api.timeentry;

import io.timetracker.api.audit.ResourceHistory;
import io.timetracker.api.auth.Caller;
import io.timetracker.api.auth.RequiresScope;
import io.timetracker.api.web.ApiException;
import io.timetracker.api.web.ApiTime;
import io.timetracker.api.web.CommandDispatcher;
import io.timetracker.api.web.Envelopes;
import io.timetracker.api.web.JsonBody;
import io.timetracker.api.web.Preconditions;
import io.timetracker.api.web.Queries;
import io.timetracker.api.web.RequestContext;
import io.timetracker.command.common.IdAllocator;
import io.timetracker.command.timeentry.CreateTimeEntry;
import io.timetracker.command.timeentry.DeleteTimeEntry;
import io.timetracker.command.timeentry.EntryInput;
import io.timetracker.command.timeentry.UpdateTimeEntry;
import io.timetracker.events.AggregateIds;
import io.timetracker.query.common.Versioned;
import io.timetracker.query.timeentry.TimeEntryProjection;
import io.timetracker.query.timeentry.TimeEntryQueries.ListTimeEntries;
import io.timetracker.query.timeentry.TimeEntryView;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * Contract §5, time entries. Non-admins see and change only their own entries (another user's is 404). Writes
 * accept {@code If-Match} (the ETag) or TimeTracker's {@code if_updated_at}; either one stale is 409.
 */
@RestController
@RequestMapping("/api/v1/time-entries")
public class TimeEntryController {

    private final CommandDispatcher commands;
    private final Queries queries;
    private final VisibleEntries entries;
    private final IdAllocator ids;
    private final ApiTime time;
    private final ResourceHistory histories;
    private final TimeEntryProjection projection;

    public TimeEntryController(CommandDispatcher commands, Queries queries, VisibleEntries entries, IdAllocator ids,
                               ApiTime time, ResourceHistory histories, TimeEntryProjection projection) {
        this.commands = commands;
        this.queries = queries;
        this.entries = entries;
        this.ids = ids;
        this.time = time;
        this.histories = histories;
        this.projection = projection;
    }

    @GetMapping
    @RequiresScope("read:time_entries")
    public Map<String, Object> list(HttpServletRequest request) {
        ListTimeEntries query = TimeEntryListParams.read(request, RequestContext.caller(request), time);
        return Envelopes.list("time_entries", queries.page(query), query.page());
    }

    @GetMapping("/{id}")
    @RequiresScope("read:time_entries")
    public ResponseEntity<Map<String, Object>> get(@PathVariable long id, HttpServletRequest request) {
        return Envelopes.one("time_entry", entries.find(id, RequestContext.caller(request)));
    }

    @PostMapping
    @RequiresScope("write:time_entries")
    public ResponseEntity<Map<String, Object>> create(JsonBody body, HttpServletRequest request) {
        Caller caller = RequestContext.caller(request);
        EntryInput input = TimeEntryFields.read(body, null);
        Long userId = body.read(TimeEntryFields.USER_ID);
        String source = body.read(TimeEntryFields.SOURCE);
        body.throwIfInvalid();
        long id = ids.next(AggregateIds.TIME_ENTRY);
        Versioned<TimeEntryView> created = commands.send(new CreateTimeEntry(id, caller.actor(),
                userId != null ? userId : caller.userId(), input, source), projection.written(id));
        return Envelopes.created("Time entry", "time_entry", entries.visible(created, caller),
                "/api/v1/time-entries/" + id);
    }

    @RequestMapping(path = "/{id}", method = {RequestMethod.PUT, RequestMethod.PATCH})
    @RequiresScope("write:time_entries")
    public ResponseEntity<Map<String, Object>> update(@PathVariable long id, JsonBody body,
                                                      HttpServletRequest request) {
        Caller caller = RequestContext.caller(request);
        Versioned<TimeEntryView> current = entries.find(id, caller);
        EntryInput input = TimeEntryFields.read(body, current.value());
        Instant ifUpdatedAt = body.read(TimeEntryFields.IF_UPDATED_AT);
        body.throwIfInvalid();
        requireFresh(current.value(), ifUpdatedAt);
        Long expected = Preconditions.ifMatch(request);
        Versioned<TimeEntryView> updated = commands.send(new UpdateTimeEntry(id, caller.actor(), input,
                expected != null ? expected : current.version()), projection.written(id));
        return Envelopes.updated("Time entry", "time_entry", entries.visible(updated, caller));
    }

    @DeleteMapping("/{id}")
    @RequiresScope("write:time_entries")
    public Map<String, Object> delete(@PathVariable long id, HttpServletRequest request) {
        Caller caller = RequestContext.caller(request);
        entries.find(id, caller);
        commands.send(new DeleteTimeEntry(id, caller.actor(), Preconditions.ifMatch(request)));
        return Envelopes.message("Time entry deleted successfully");
    }

    /**
     * The entry's trail, oldest first. A deleted entry's history stays readable for admins; for its owner the entry
     * is gone like everywhere else (404).
     */
    @GetMapping("/{id}/history")
    @RequiresScope("read:time_entries")
    public Map<String, Object> history(@PathVariable long id, HttpServletRequest request) {
        Caller caller = RequestContext.caller(request);
        return histories.of(AggregateIds.TIME_ENTRY, id, "Time entry", entries.isVisible(id, caller), caller,
                request);
    }

    /**
     * TimeTracker's optimistic check: the client sends the {@code updated_at} it last saw. Compared at the
     * precision the client sent (clients that drop fractions of a second compare by whole seconds).
     */
    private static void requireFresh(TimeEntryView current, Instant ifUpdatedAt) {
        if (ifUpdatedAt == null) {
            return;
        }
        Instant updatedAt = ifUpdatedAt.getNano() == 0 ? current.updatedAt().truncatedTo(ChronoUnit.SECONDS)
                : current.updatedAt().truncatedTo(ChronoUnit.MICROS);
        if (!updatedAt.equals(ifUpdatedAt.truncatedTo(ChronoUnit.MICROS))) {
            throw ApiException.conflict("The time entry was changed by someone else; reload it and retry");
        }
    }
}
