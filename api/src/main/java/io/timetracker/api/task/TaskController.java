package io.timetracker.api.task;

import io.timetracker.api.audit.ResourceHistory;
import io.timetracker.api.auth.RequiresScope;
import io.timetracker.api.web.CommandDispatcher;
import io.timetracker.api.web.Envelopes;
import io.timetracker.api.web.JsonBody;
import io.timetracker.api.web.PartialUpdates;
import io.timetracker.api.web.Preconditions;
import io.timetracker.api.web.Queries;
import io.timetracker.api.web.QueryParams;
import io.timetracker.api.web.RequestContext;
import io.timetracker.command.common.IdAllocator;
import io.timetracker.command.task.CreateTask;
import io.timetracker.command.task.DeleteTask;
import io.timetracker.command.task.TaskRules;
import io.timetracker.command.task.UpdateTask;
import io.timetracker.events.AggregateIds;
import io.timetracker.events.task.TaskDetails;
import io.timetracker.query.common.PageRequest;
import io.timetracker.query.common.Versioned;
import io.timetracker.query.task.TaskQueries.FindTask;
import io.timetracker.query.task.TaskQueries.ListTasks;
import io.timetracker.query.task.TaskView;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** Contract §4, tasks. */
@RestController
@RequestMapping("/api/v1/tasks")
public class TaskController {

    private final CommandDispatcher commands;
    private final Queries queries;
    private final PartialUpdates updates;
    private final IdAllocator ids;
    private final ResourceHistory histories;

    public TaskController(CommandDispatcher commands, Queries queries, PartialUpdates updates, IdAllocator ids,
                          ResourceHistory histories) {
        this.commands = commands;
        this.queries = queries;
        this.updates = updates;
        this.ids = ids;
        this.histories = histories;
    }

    @GetMapping
    @RequiresScope("read:tasks")
    public Map<String, Object> list(HttpServletRequest request) {
        PageRequest page = QueryParams.page(request);
        ListTasks query = new ListTasks(QueryParams.id(request, "project_id"),
                QueryParams.oneOf(request, "status", TaskRules.STATUSES, null),
                QueryParams.id(request, "assigned_to"), page);
        return Envelopes.list("tasks", queries.page(query), page);
    }

    @GetMapping("/{id}")
    @RequiresScope("read:tasks")
    public ResponseEntity<Map<String, Object>> get(@PathVariable long id) {
        return Envelopes.one("task", find(id));
    }

    /** The task's trail, oldest first; a deleted task's stays readable for admins. */
    @GetMapping("/{id}/history")
    @RequiresScope("read:tasks")
    public Map<String, Object> history(@PathVariable long id, HttpServletRequest request) {
        boolean visible = queries.get(new FindTask(id), Versioned.class) != null;
        return histories.of(AggregateIds.TASK, id, "Task", visible, RequestContext.caller(request), request);
    }

    @PostMapping
    @RequiresScope("write:tasks")
    public ResponseEntity<Map<String, Object>> create(JsonBody body, HttpServletRequest request) {
        TaskDetails details = TaskFields.read(body, null);
        body.throwIfInvalid();
        long id = ids.next(AggregateIds.TASK);
        commands.send(new CreateTask(id, details, RequestContext.caller(request).userId()));
        return Envelopes.created("Task", "task", find(id), "/api/v1/tasks/" + id);
    }

    @RequestMapping(path = "/{id}", method = {RequestMethod.PUT, RequestMethod.PATCH})
    @RequiresScope("write:tasks")
    public ResponseEntity<Map<String, Object>> update(@PathVariable long id, JsonBody body,
                                                      HttpServletRequest request) {
        updates.<TaskView>apply(request, () -> find(id), (current, expectedVersion) -> {
            TaskDetails details = TaskFields.read(body, current);
            body.throwIfInvalid();
            return new UpdateTask(id, details, expectedVersion);
        });
        return Envelopes.updated("Task", "task", find(id));
    }

    @DeleteMapping("/{id}")
    @RequiresScope("write:tasks")
    public Map<String, Object> delete(@PathVariable long id, HttpServletRequest request) {
        find(id);
        commands.send(new DeleteTask(id, Preconditions.ifMatch(request)));
        return Envelopes.message("Task deleted successfully");
    }

    private Versioned<TaskView> find(long id) {
        return queries.one(new FindTask(id), "Task");
    }
}
