package io.timetracker.api.task;

import io.timetracker.api.audit.AuditDocs;
import io.timetracker.api.docs.Answer;
import io.timetracker.api.docs.ApiDocs;
import io.timetracker.api.docs.ApiDocumentation;
import io.timetracker.api.docs.QueryParam;
import io.timetracker.command.task.TaskRules;
import io.timetracker.query.task.TaskView;
import org.springframework.stereotype.Component;

/** Contract §4 in the OpenAPI document: tasks. */
@Component
class TaskDocs implements ApiDocumentation {

    @Override
    public void describe(ApiDocs docs) {
        docs.tag("Tasks", "Work items of a project");
        docs.operation(TaskController.class, "list").id("listTasks").summary("List tasks by priority, then due date")
                .param(QueryParam.id("project_id", "Only this project's tasks"))
                .param(QueryParam.oneOf("status", TaskRules.STATUSES, null, "Only tasks in this status"))
                .param(QueryParam.id("assigned_to", "Only tasks assigned to this user"))
                .answers(Answer.list("tasks", TaskView.class));
        docs.operation(TaskController.class, "get").id("getTask").summary("One task")
                .answers(Answer.one("task", TaskView.class));
        docs.operation(TaskController.class, "create").id("createTask").summary("Create a task")
                .body(TaskFields.CREATE)
                .answers(Answer.created("task", TaskView.class));
        docs.operation(TaskController.class, "update").id("PUT", "updateTask").id("PATCH", "patchTask")
                .summary("Change a task (only the fields sent)")
                .body(TaskFields.UPDATE)
                .answers(Answer.updated("task", TaskView.class));
        docs.operation(TaskController.class, "delete").id("deleteTask").summary("Delete a task")
                .answers(Answer.message("Deleted"));
        AuditDocs.history(docs, TaskController.class, "Task");
    }
}
