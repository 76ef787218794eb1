package io.timetracker.api.timeentry;

import io.timetracker.api.web.BodyField;
import io.timetracker.api.web.BodyShape;
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

    static final BodyField<Long> PROJECT_ID = BodyField.integer("project_id")
            .describedAs("The project; project_id or client_id is required");
    static final BodyField<Long> CLIENT_ID = BodyField.integer("client_id")
            .describedAs("The client, for an entry without a project");
    static final BodyField<Long> TASK_ID = BodyField.integer("task_id")
            .describedAs("A task of the entry's project");
    static final BodyField<Instant> START_TIME = BodyField.dateTime("start_time").required();
    static final BodyField<Instant> END_TIME = BodyField.dateTime("end_time")
            .describedAs("After start_time; omitted or null on a create: the entry is a running timer");
    static final BodyField<Long> BREAK_SECONDS = BodyField.integer("break_seconds").withDefault(0L)
            .describedAs("Not negative, shorter than the entry");
    static final BodyField<String> NOTES = BodyField.text("notes", TimeEntryRules.MAX_NOTES);
    static final BodyField<List<String>> TAGS = BodyField.commaList("tags")
            .describedAs("At most " + TimeEntryRules.MAX_TAGS + " characters joined");
    static final BodyField<Boolean> BILLABLE = BodyField.bool("billable").withDefault(true);
    static final BodyField<Boolean> PAID = BodyField.bool("paid").withDefault(false);
    static final BodyField<String> INVOICE_NUMBER = BodyField.text("invoice_number", 100);
    static final BodyField<Long> USER_ID = BodyField.integer("user_id")
            .describedAs("Admins only: the active user the entry is for (default: the caller)");
    static final BodyField<String> SOURCE = BodyField.oneOf("source", List.of("manual", "timer", "import", "bulk"))
            .withDefault("manual");
    static final BodyField<Instant> IF_UPDATED_AT = BodyField.dateTime("if_updated_at")
            .describedAs("The updated_at the client last saw: a stale one is 409 conflict (like If-Match)");

    private static final List<BodyField<?>> ENTRY = List.of(PROJECT_ID, CLIENT_ID, TASK_ID, START_TIME, END_TIME,
            BREAK_SECONDS, NOTES, TAGS, BILLABLE, PAID, INVOICE_NUMBER);
    static final BodyShape CREATE = BodyShape.of("TimeEntryCreate", ENTRY.toArray(BodyField<?>[]::new))
            .with("TimeEntryCreate", USER_ID, SOURCE);
    static final BodyShape UPDATE = BodyShape.of("TimeEntryFields", ENTRY.toArray(BodyField<?>[]::new))
            .partial("TimeEntryUpdate", IF_UPDATED_AT);

    private TimeEntryFields() {
    }

    static EntryInput read(JsonBody body, TimeEntryView current) {
        Patch<TimeEntryView> patch = new Patch<>(body, current);
        List<String> tags = patch.read(TAGS, view -> Tags.list(view.tags()));
        return new EntryInput(
                patch.read(PROJECT_ID, TimeEntryView::projectId),
                patch.read(CLIENT_ID, TimeEntryView::clientId),
                patch.read(TASK_ID, TimeEntryView::taskId),
                patch.read(START_TIME, TimeEntryView::startTime),
                patch.read(END_TIME, TimeEntryView::endTime),
                patch.read(BREAK_SECONDS, TimeEntryView::breakSeconds),
                patch.read(NOTES, TimeEntryView::notes),
                tags == null ? null : Tags.join(tags),
                patch.read(BILLABLE, TimeEntryView::billable),
                patch.read(PAID, TimeEntryView::paid),
                patch.read(INVOICE_NUMBER, TimeEntryView::invoiceNumber));
    }
}
