package io.timetracker.api.project;

import io.timetracker.api.audit.AuditDocs;
import io.timetracker.api.docs.Answer;
import io.timetracker.api.docs.ApiDocs;
import io.timetracker.api.docs.ApiDocumentation;
import io.timetracker.api.docs.QueryParam;
import io.timetracker.query.project.ProjectView;
import org.springframework.stereotype.Component;

import java.util.List;

/** Contract §4 in the OpenAPI document: projects. */
@Component
class ProjectDocs implements ApiDocumentation {

    @Override
    public void describe(ApiDocs docs) {
        docs.tag("Projects", "Projects of clients; time is booked on them");
        docs.operation(ProjectController.class, "list").id("listProjects").summary("List projects by name")
                .param(QueryParam.oneOf("status", List.of("active", "inactive", "archived", "all"), "active",
                        "Which projects"))
                .param(QueryParam.id("client_id", "Only this client's projects"))
                .answers(Answer.list("projects", ProjectView.class));
        docs.operation(ProjectController.class, "get").id("getProject").summary("One project")
                .answers(Answer.one("project", ProjectView.class));
        docs.operation(ProjectController.class, "create").id("createProject").summary("Create a project")
                .body(ProjectFields.CREATE)
                .answers(Answer.created("project", ProjectView.class))
                .error(409, "The name is taken for this client, or the code is taken");
        docs.operation(ProjectController.class, "update").id("PUT", "updateProject").id("PATCH", "patchProject")
                .summary("Change a project (only the fields sent)")
                .body(ProjectFields.UPDATE)
                .answers(Answer.updated("project", ProjectView.class))
                .error(409, "The name or code is taken");
        docs.operation(ProjectController.class, "archive").id("archiveProject").summary("Archive a project")
                .answers(Answer.message("Archived"));
        AuditDocs.history(docs, ProjectController.class, "Project");
    }
}
