package io.timetracker.api.timeentry;

import io.timetracker.api.web.JsonBody;
import io.timetracker.api.web.Patch;
import io.timetracker.command.timeentry.EntryInput;
import io.timetracker.command.timeentry.TimeEntryRules;
import io.timetracker.query.common.Tags;
import io.timetracker.query.timeentry.TimeEntryView;

import java.time.Instant;
import java.util.List;

/**
 * Reads a time entry's fields from a request body: every field for a create ({@code current} null), only the
 * present ones over {@code current} for an update (PUT and PATCH alike). The domain rules themselves (times,
 * references, lengths) are the command side's; this only reads.
 */
final class TimeEntryFields {

    private TimeEntryFields() {
    }

    static EntryInput read(JsonBody body, TimeEntryView current) {
        Patch<TimeEntryView> patch = new Patch<>(body, current);
        Instant start = patch.reads("start_time") ? body.dateTime("start_time") : current.startTime();
        if (current == null && !body.has("start_time")) {
            body.reject("start_time", "Is required");
        }
        Instant end = patch.reads("end_time") ? body.dateTime("end_time") : current.endTime();
        Long breakSeconds = patch.integer("break_seconds", TimeEntryView::breakSeconds);
        List<String> tags = patch.stringList("tags", view -> Tags.list(view.tags()));
        return new EntryInput(
                patch.integer("project_id", TimeEntryView::projectId),
                patch.integer("client_id", TimeEntryView::clientId),
                patch.integer("task_id", TimeEntryView::taskId),
                start, end,
                breakSeconds == null ? 0 : breakSeconds,
                patch.text("notes", TimeEntryRules.MAX_NOTES, TimeEntryView::notes),
                tags == null ? null : Tags.join(tags),
                patch.bool("billable", true, TimeEntryView::billable),
                patch.bool("paid", false, TimeEntryView::paid),
                patch.text("invoice_number", 100, TimeEntryView::invoiceNumber));
    }
}
