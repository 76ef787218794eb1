package io.timetracker.api.timeentry;

import io.timetracker.api.audit.AuditDocs;
import io.timetracker.api.docs.Answer;
import io.timetracker.api.docs.ApiDocs;
import io.timetracker.api.docs.ApiDocumentation;
import io.timetracker.api.docs.Json;
import io.timetracker.api.docs.QueryParam;
import io.timetracker.query.timeentry.TimeEntryView;
import io.swagger.v3.oas.models.media.Schema;
import org.springframework.stereotype.Component;

import java.util.List;

/** Contract §5 in the OpenAPI document: time entries and the timer. */
@Component
class TimeEntryDocs implements ApiDocumentation {

    /** {"active": true, "timer": {...}} or {"active": false, "timer": null}. */
    private static Schema<?> timerStatus() {
        Schema<Object> running = Json.bool();
        running.setEnum(List.of(true));
        Schema<Object> idle = Json.bool();
        idle.setEnum(List.of(false));
        // null as an object that has nothing: OpenAPI 3.0 cannot make a reference nullable
        Schema<?> none = Json.anyObject().additionalProperties(false).maxProperties(0).nullable(true);
        return new Schema<>().oneOf(List.of(
                Json.object().with("active", running).with("timer", Answer.view(TimeEntryView.class)),
                Json.object().with("active", idle).with("timer", none)));
    }

    @Override
    public void describe(ApiDocs docs) {
        docs.tag("Time entries", "Tracked time; non-admins see and change only their own entries");
        docs.operation(TimeEntryController.class, "list").id("listTimeEntries")
                .summary("List time entries, newest start first")
                .param(QueryParam.id("project_id", "Only this project's entries"))
                .param(QueryParam.id("client_id", "Only this client's entries"))
                .param(QueryParam.id("task_id", "Only this task's entries"))
                .param(QueryParam.id("user_id", "Only this user's entries (non-admins: only their own id)"))
                .param(QueryParam.text("start_date", "Entries starting at or after this date or date-time"))
                .param(QueryParam.text("end_date", "Entries starting up to this date-time; a date includes the day"))
                .param(QueryParam.bool("billable", null, "Only billable (true) or non-billable (false) entries"))
                .param(QueryParam.bool("include_active", false, "Include running timers"))
                .param(QueryParam.text("tags", "Comma-separated tags an entry must all carry"))
                .answers(Answer.list("time_entries", TimeEntryView.class))
                .error(403, "A non-admin asking for another user's entries");
        docs.operation(TimeEntryController.class, "get").id("getTimeEntry").summary("One time entry")
                .answers(Answer.one("time_entry", TimeEntryView.class));
        docs.operation(TimeEntryController.class, "create").id("createTimeEntry").summary("Create a time entry")
                .description("Without end_time the entry is a running timer that started at start_time (one "
                        + "running timer per user). A user's completed entries never overlap.")
                .body(TimeEntryFields.CREATE)
                .answers(Answer.created("time_entry", TimeEntryView.class))
                .error(409, "An overlapping entry, or a second running timer (timer_already_running)");
        docs.operation(TimeEntryController.class, "update").id("PUT", "updateTimeEntry")
                .id("PATCH", "patchTimeEntry").summary("Change a time entry (only the fields sent)")
                .body(TimeEntryFields.UPDATE)
                .answers(Answer.updated("time_entry", TimeEntryView.class))
                .error(409, "A stale if_updated_at, an overlap, or an approved entry (entry_locked)");
        docs.operation(TimeEntryController.class, "delete").id("deleteTimeEntry").summary("Delete a time entry")
                .description("A running entry cannot be deleted: stop it first.")
                .answers(Answer.message("Deleted"))
                .error(409, "An approved entry (entry_locked)");
        AuditDocs.history(docs, TimeEntryController.class, "TimeEntry");
        docs.operation(TimeEntryBulkController.class, "bulk").id("bulkUpdateTimeEntries")
                .summary("One action on many entries, each on its own")
                .body(TimeEntryBulkController.SHAPE)
                .answers(Answer.of(200, "Every id's outcome", Json.object()
                        .with("success", Json.bool())
                        .with("affected", Json.integer())
                        .with("results", Json.array(Json.object()
                                .with("id", Json.integer())
                                .with("success", Json.bool())
                                .optional("error_code", Json.string().description("Why this entry was refused"))))));

        docs.tag("Timer", "The caller's own running timer");
        docs.operation(TimerController.class, "status").id("getTimerStatus").summary("The caller's running timer")
                .answers(Answer.of(200, "The running timer, if any", timerStatus(), TimeEntryView.class));
        docs.operation(TimerController.class, "start").id("startTimer").summary("Start a timer now")
                .body(TimerController.START)
                .answers(Answer.of(201, "Started", Json.object().with("message", Json.string())
                        .with("timer", Answer.view(TimeEntryView.class)), TimeEntryView.class).withETag()
                        .withLocation())
                .error(409, "A timer is already running (timer_already_running)");
        String noTimer = "No running timer (no_active_timer), or not in a state for this (invalid_state)";
        docs.operation(TimerController.class, "pause").id("pauseTimer").summary("Pause the running timer")
                .answers(Answer.updated("time_entry", TimeEntryView.class)).error(400, noTimer);
        docs.operation(TimerController.class, "resume").id("resumeTimer").summary("Resume the paused timer")
                .description("The paused span is added to break_seconds.")
                .answers(Answer.updated("time_entry", TimeEntryView.class)).error(400, noTimer);
        docs.operation(TimerController.class, "stop").id("stopTimer").summary("Stop the running timer now")
                .answers(Answer.updated("time_entry", TimeEntryView.class)).error(400, noTimer);
    }
}
