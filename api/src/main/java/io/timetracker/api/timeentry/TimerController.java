package io.timetracker.api.timeentry;

import io.timetracker.api.auth.Caller;
import io.timetracker.api.auth.RequiresScope;
import io.timetracker.api.web.ApiException;
import io.timetracker.api.web.BodyField;
import io.timetracker.api.web.BodyShape;
import io.timetracker.api.web.CommandDispatcher;
import io.timetracker.api.web.Envelopes;
import io.timetracker.api.web.JsonBody;
import io.timetracker.api.web.Queries;
import io.timetracker.api.web.RequestContext;
import io.timetracker.command.common.Actor;
import io.timetracker.command.common.IdAllocator;
import io.timetracker.command.common.TargetedCommand;
import io.timetracker.command.timeentry.PauseTimer;
import io.timetracker.command.timeentry.ResumeTimer;
import io.timetracker.command.timeentry.RunningTimers;
import io.timetracker.command.timeentry.StartTimer;
import io.timetracker.command.timeentry.StopTimer;
import io.timetracker.events.AggregateIds;
import io.timetracker.query.common.Versioned;
import io.timetracker.query.timeentry.TimeEntryQueries.FindRunningTimer;
import io.timetracker.query.timeentry.TimeEntryView;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;

/** Contract §5, the caller's own timer. Pause, resume and stop act on the caller's running timer, if any. */
@RestController
@RequestMapping("/api/v1/timer")
public class TimerController {

    static final BodyField<Long> START_PROJECT_ID = BodyField.integer("project_id").required()
            .describedAs("An active project");
    static final BodyShape START = BodyShape.of("TimerStart", START_PROJECT_ID, TimeEntryFields.TASK_ID,
            TimeEntryFields.NOTES);

    private final CommandDispatcher commands;
    private final Queries queries;
    private final VisibleEntries entries;
    private final RunningTimers runningTimers;
    private final IdAllocator ids;
    private final Clock clock;

    public TimerController(CommandDispatcher commands, Queries queries, VisibleEntries entries,
                           RunningTimers runningTimers, IdAllocator ids, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.entries = entries;
        this.runningTimers = runningTimers;
        this.ids = ids;
        this.clock = clock;
    }

    @GetMapping("/status")
    @RequiresScope("read:time_entries")
    @SuppressWarnings("unchecked")
    public Map<String, Object> status(HttpServletRequest request) {
        Versioned<TimeEntryView> running = queries.get(
                new FindRunningTimer(RequestContext.caller(request).userId()), Versioned.class);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("active", running != null);
        body.put("timer", running == null ? null : running.value());
        return body;
    }

    @PostMapping("/start")
    @RequiresScope("write:time_entries")
    public ResponseEntity<Map<String, Object>> start(JsonBody body, HttpServletRequest request) {
        Caller caller = RequestContext.caller(request);
        Long projectId = body.read(START_PROJECT_ID);
        Long taskId = body.read(TimeEntryFields.TASK_ID);
        String notes = body.read(TimeEntryFields.NOTES);
        body.throwIfInvalid();
        long id = ids.next(AggregateIds.TIME_ENTRY);
        commands.send(new StartTimer(id, caller.actor(), projectId, taskId, notes, clock.instant()));
        Versioned<TimeEntryView> timer = entries.find(id, caller);
        return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/v1/time-entries/" + id))
                .eTag(Envelopes.etag(timer.version())).body(Envelopes.message("Timer started", "timer", timer.value()));
    }

    @PostMapping("/pause")
    @RequiresScope("write:time_entries")
    public ResponseEntity<Map<String, Object>> pause(HttpServletRequest request) {
        return actOnRunningTimer(request, "Timer paused", (id, caller) -> new PauseTimer(id, caller, now()));
    }

    @PostMapping("/resume")
    @RequiresScope("write:time_entries")
    public ResponseEntity<Map<String, Object>> resume(HttpServletRequest request) {
        return actOnRunningTimer(request, "Timer resumed", (id, caller) -> new ResumeTimer(id, caller, now()));
    }

    @PostMapping("/stop")
    @RequiresScope("write:time_entries")
    public ResponseEntity<Map<String, Object>> stop(HttpServletRequest request) {
        return actOnRunningTimer(request, "Timer stopped", (id, caller) -> new StopTimer(id, caller, now()));
    }

    private ResponseEntity<Map<String, Object>> actOnRunningTimer(
            HttpServletRequest request, String message,
            BiFunction<Long, Actor, TargetedCommand> command) {
        Caller caller = RequestContext.caller(request);
        Long entryId = runningTimers.entryOf(caller.userId());
        if (entryId == null) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "no_active_timer", "No active timer",
                    "There is no running timer");
        }
        commands.send(command.apply(entryId, caller.actor()));
        Versioned<TimeEntryView> entry = entries.find(entryId, caller);
        return ResponseEntity.ok().eTag(Envelopes.etag(entry.version()))
                .body(Envelopes.message(message, "time_entry", entry.value()));
    }

    private Instant now() {
        return clock.instant();
    }
}
