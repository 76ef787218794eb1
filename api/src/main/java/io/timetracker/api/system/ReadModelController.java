package io.timetracker.api.system;

import io.timetracker.api.auth.RequiresScope;
import io.timetracker.api.web.ApiException;
import io.timetracker.api.web.Envelopes;
import io.timetracker.api.web.BodyField;
import io.timetracker.api.web.BodyShape;
import io.timetracker.api.web.JsonBody;
import io.timetracker.query.common.PageRequest;
import io.timetracker.query.common.PageResult;
import io.timetracker.query.replay.ProjectionJob;
import io.timetracker.query.replay.ReadModelRebuilder;
import io.timetracker.query.replay.ReadModels;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The read models and their rebuilds (administrators only). Every read model is written inline, in the
 * transaction of the command that changes it, so it always stands at the head of the event store; a rebuild
 * builds it afresh from the events beside the live tables and switches over when done, and a check builds it the
 * same way and reports every row in which the rebuilt tables differ from the live ones. Both run in the background
 * on the node asked, one at a time across nodes; their progress is readable from every node.
 */
@RestController
@RequestMapping("/api/v1/admin/projections")
public class ReadModelController {

    private final ReadModels readModels;
    private final ReadModelRebuilder rebuilder;
    private final JsonMapper json;

    public ReadModelController(ReadModels readModels, ReadModelRebuilder rebuilder, JsonMapper json) {
        this.readModels = readModels;
        this.rebuilder = rebuilder;
        this.json = json;
    }

    static final BodyField<List<String>> READ_MODELS = BodyField.stringList("read_models")
            .describedAs("The read models to rebuild or verify (default: all)");
    static final BodyShape JOB = BodyShape.of("ReadModelJobStart", READ_MODELS);

    @GetMapping
    @RequiresScope("admin:all")
    public Map<String, Object> list() {
        long head = rebuilder.head();
        Map<String, Long> positions = rebuilder.positions(head);
        Map<String, ReadModelRebuilder.ReadModelState> states = rebuilder.states();
        List<ProjectionJob> jobs = rebuilder.recentJobs(5);
        ProjectionJob running = jobs.stream().filter(ProjectionJob::running).findFirst().orElse(null);
        List<Map<String, Object>> models = new ArrayList<>();
        for (ReadModels.Definition model : readModels.all()) {
            ReadModelRebuilder.ReadModelState state = states.get(model.name());
            boolean working = running != null && running.readModels().contains(model.name());
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("name", model.name());
            view.put("tables", model.tables());
            view.put("mode", "inline");
            view.put("state", !working ? "live" : running.kind().equals("rebuild") ? "rebuilding" : "verifying");
            long position = positions.get(model.name());
            view.put("position", position);
            view.put("head", head);
            view.put("lag", head - position);
            view.put("built_at", state == null ? null : state.builtAt());
            view.put("definition", model.definition());
            view.put("job", working ? job(running, head) : null);
            models.add(view);
        }
        Map<String, Object> body = Envelopes.list("read_models", new PageResult<>(models, models.size()),
                new PageRequest(1, Math.max(models.size(), 1)));
        body.put("event_store", Map.of("head", head));
        body.put("jobs", jobs.stream().map(job -> job(job, head)).toList());
        return body;
    }

    /** Rebuilds the named read models ({@code read_models}: a list or comma string; none: all). */
    @PostMapping("/rebuild")
    @RequiresScope("admin:all")
    public ResponseEntity<Map<String, Object>> rebuild(JsonBody body) {
        return start(ReadModelRebuilder.Kind.REBUILD, body, "Rebuild started");
    }

    /** Builds the named read models afresh and compares them with the live ones, row by row. */
    @PostMapping("/verify")
    @RequiresScope("admin:all")
    public ResponseEntity<Map<String, Object>> verify(JsonBody body) {
        return start(ReadModelRebuilder.Kind.VERIFY, body, "Check started");
    }

    @GetMapping("/jobs/{id}")
    @RequiresScope("admin:all")
    public Map<String, Object> job(@PathVariable long id) {
        ProjectionJob job = rebuilder.job(id);
        if (job == null) {
            throw ApiException.notFound("Job not found");
        }
        return Map.of("job", job(job, rebuilder.head()));
    }

    private ResponseEntity<Map<String, Object>> start(ReadModelRebuilder.Kind kind, JsonBody body, String message) {
        List<String> names = body.read(READ_MODELS);
        if (names != null && !readModels.names().containsAll(names)) {
            body.reject(READ_MODELS.name(), "Must name read models of: " + String.join(", ", readModels.names()));
        }
        body.throwIfInvalid();
        ProjectionJob job;
        try {
            job = rebuilder.start(kind, names);
        } catch (ReadModelRebuilder.JobRunning running) {
            throw ApiException.conflict(running.getMessage());
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .location(URI.create("/api/v1/admin/projections/jobs/" + job.id()))
                .body(Envelopes.message(message, "job", job(job, rebuilder.head())));
    }

    private Map<String, Object> job(ProjectionJob job, long head) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", job.id());
        view.put("kind", job.kind());
        view.put("read_models", job.readModels());
        view.put("state", job.state());
        view.put("events_done", job.eventsDone());
        view.put("events_total", job.eventsTotal());
        view.put("position", job.position());
        view.put("lag", job.position() == null ? head : Math.max(head - job.position(), 0));
        view.put("events_per_second", job.rate());
        view.put("eta_seconds", job.etaSeconds());
        view.put("started_at", job.startedAt());
        view.put("finished_at", job.finishedAt());
        view.put("error", job.error());
        view.put("report", job.report() == null ? null : json.readValue(job.report(), Map.class));
        return view;
    }
}
