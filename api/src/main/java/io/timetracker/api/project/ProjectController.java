package io.timetracker.api.project;

import io.timetracker.api.audit.ResourceHistory;
import io.timetracker.api.auth.RequiresScope;
import io.timetracker.api.web.CommandDispatcher;
import io.timetracker.api.web.Envelopes;
import io.timetracker.api.web.JsonBody;
import io.timetracker.api.web.Patch;
import io.timetracker.api.web.PartialUpdates;
import io.timetracker.api.web.Preconditions;
import io.timetracker.api.web.Queries;
import io.timetracker.api.web.QueryParams;
import io.timetracker.api.web.RequestContext;
import io.timetracker.command.common.IdAllocator;
import io.timetracker.command.project.ArchiveProject;
import io.timetracker.command.project.CreateProject;
import io.timetracker.command.project.UpdateProject;
import io.timetracker.events.AggregateIds;
import io.timetracker.events.project.ProjectDetails;
import io.timetracker.query.common.PageRequest;
import io.timetracker.query.common.Versioned;
import io.timetracker.query.project.ProjectQueries.FindProject;
import io.timetracker.query.project.ProjectQueries.ListProjects;
import io.timetracker.query.project.ProjectView;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/** Contract §4, projects. */
@RestController
@RequestMapping("/api/v1/projects")
public class ProjectController {

    private final CommandDispatcher commands;
    private final Queries queries;
    private final PartialUpdates updates;
    private final IdAllocator ids;
    private final ResourceHistory histories;

    public ProjectController(CommandDispatcher commands, Queries queries, PartialUpdates updates, IdAllocator ids,
                             ResourceHistory histories) {
        this.commands = commands;
        this.queries = queries;
        this.updates = updates;
        this.ids = ids;
        this.histories = histories;
    }

    @GetMapping
    @RequiresScope("read:projects")
    public Map<String, Object> list(HttpServletRequest request) {
        PageRequest page = QueryParams.page(request);
        String status = QueryParams.oneOf(request, "status", List.of("active", "inactive", "archived", "all"),
                "active");
        Long clientId = QueryParams.id(request, "client_id");
        return Envelopes.list("projects", queries.page(new ListProjects(status, clientId, page)), page);
    }

    @GetMapping("/{id}")
    @RequiresScope("read:projects")
    public ResponseEntity<Map<String, Object>> get(@PathVariable long id) {
        return Envelopes.one("project", find(id));
    }

    /** The project's trail, oldest first; every reader of projects sees every project. */
    @GetMapping("/{id}/history")
    @RequiresScope("read:projects")
    public Map<String, Object> history(@PathVariable long id, HttpServletRequest request) {
        return histories.of(AggregateIds.PROJECT, id, "Project", true, RequestContext.caller(request), request);
    }

    @PostMapping
    @RequiresScope("write:projects")
    public ResponseEntity<Map<String, Object>> create(JsonBody body) {
        ProjectDetails details = ProjectFields.read(body, null);
        body.throwIfInvalid();
        long id = ids.next(AggregateIds.PROJECT);
        commands.send(new CreateProject(id, details));
        return Envelopes.created("Project", "project", find(id), "/api/v1/projects/" + id);
    }

    @RequestMapping(path = "/{id}", method = {RequestMethod.PUT, RequestMethod.PATCH})
    @RequiresScope("write:projects")
    public ResponseEntity<Map<String, Object>> update(@PathVariable long id, JsonBody body,
                                                      HttpServletRequest request) {
        long actingUserId = RequestContext.caller(request).userId();
        updates.<ProjectView>apply(request, () -> find(id), (current, expectedVersion) -> {
            ProjectDetails details = ProjectFields.read(body, current);
            String status = new Patch<>(body, current).read(ProjectFields.STATUS, ProjectView::status);
            body.throwIfInvalid();
            return new UpdateProject(id, details, status, actingUserId, expectedVersion);
        });
        return Envelopes.updated("Project", "project", find(id));
    }

    @DeleteMapping("/{id}")
    @RequiresScope("write:projects")
    public Map<String, Object> archive(@PathVariable long id, HttpServletRequest request) {
        find(id);
        commands.send(new ArchiveProject(id, RequestContext.caller(request).userId(), Preconditions.ifMatch(request)));
        return Envelopes.message("Project archived successfully");
    }

    private Versioned<ProjectView> find(long id) {
        return queries.one(new FindProject(id), "Project");
    }
}
