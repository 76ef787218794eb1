package io.timetracker.api.timeentry;

import io.timetracker.api.auth.Caller;
import io.timetracker.api.auth.RequiresScope;
import io.timetracker.api.web.BodyField;
import io.timetracker.api.web.BodyShape;
import io.timetracker.api.web.CommandDispatcher;
import io.timetracker.api.web.EachItem;
import io.timetracker.api.web.JsonBody;
import io.timetracker.api.web.RequestContext;
import io.timetracker.command.common.Actor;
import io.timetracker.command.common.TargetedCommand;
import io.timetracker.command.timeentry.DeleteTimeEntry;
import io.timetracker.command.timeentry.EntryInput;
import io.timetracker.command.timeentry.UpdateTimeEntry;
import io.timetracker.query.common.Versioned;
import io.timetracker.query.common.Tags;
import io.timetracker.query.timeentry.TimeEntryView;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /time-entries/bulk}: one action on many entries, each entry on its own ({@link EachItem}); the answer
 * reports every id's outcome.
 */
@RestController
public class TimeEntryBulkController {

    private static final int MAX_IDS = 500;
    static final BodyField<List<Long>> ENTRY_IDS = BodyField.ids("entry_ids", MAX_IDS);
    static final BodyField<String> ACTION = BodyField.oneOf("action",
            List.of("delete", "set_billable", "set_paid", "add_tag", "remove_tag")).required();
    /** set_billable and set_paid take true or false, add_tag and remove_tag a tag; delete none. */
    static final BodyField<Boolean> FLAG = BodyField.bool("value");
    static final BodyField<String> TAG = BodyField.text("value", 100);
    static final BodyShape SHAPE = BodyShape.of("TimeEntryBulkAction", ENTRY_IDS, ACTION, BodyField.any("value",
            "true or false for set_billable and set_paid; the tag (at most 100 characters) for add_tag and "
                    + "remove_tag"));

    private final CommandDispatcher commands;
    private final VisibleEntries entries;

    public TimeEntryBulkController(CommandDispatcher commands, VisibleEntries entries) {
        this.commands = commands;
        this.entries = entries;
    }

    private record Action(String name, Boolean flag, String tag) {
    }

    @PostMapping("/api/v1/time-entries/bulk")
    @RequiresScope("write:time_entries")
    public Map<String, Object> bulk(JsonBody body, HttpServletRequest request) {
        Caller caller = RequestContext.caller(request);
        List<Long> ids = body.read(ENTRY_IDS);
        Action action = readAction(body);
        body.throwIfInvalid();

        EachItem.Outcome outcome = EachItem.of(ids, "id", id -> {
            commands.send(command(entries.find(id, caller), action, caller.actor()));
            return Map.of();
        });
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("success", true);
        answer.put("affected", outcome.succeeded());
        answer.put("results", outcome.results());
        return answer;
    }

    private static Action readAction(JsonBody body) {
        String name = body.read(ACTION);
        if ("set_billable".equals(name) || "set_paid".equals(name)) {
            Boolean flag = body.read(FLAG);
            if (flag == null) {
                body.reject("value", "Is required: true or false");
            }
            return new Action(name, flag, null);
        }
        if ("add_tag".equals(name) || "remove_tag".equals(name)) {
            return new Action(name, null, body.read(TAG.required()));
        }
        return new Action(name, null, null);
    }

    private static TargetedCommand command(Versioned<TimeEntryView> current, Action action, Actor actor) {
        TimeEntryView entry = current.value();
        if (action.name().equals("delete")) {
            return new DeleteTimeEntry(entry.id(), actor, current.version());
        }
        boolean billable = action.name().equals("set_billable") ? action.flag() : entry.billable();
        boolean paid = action.name().equals("set_paid") ? action.flag() : entry.paid();
        List<String> tags = new ArrayList<>(entry.tagList());
        if (action.name().equals("add_tag")) {
            tags.add(action.tag());
        } else if (action.name().equals("remove_tag")) {
            tags.removeIf(tag -> Tags.key(tag).equals(Tags.key(action.tag())));
        }
        EntryInput input = new EntryInput(entry.projectId(), entry.clientId(), entry.taskId(), entry.startTime(),
                entry.endTime(), entry.breakSeconds(), entry.notes(), Tags.join(tags), billable, paid,
                entry.invoiceNumber());
        return new UpdateTimeEntry(entry.id(), actor, input, current.version());
    }
}
