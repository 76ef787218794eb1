package io.timetracker.api.system;

import io.timetracker.api.docs.Answer;
import io.timetracker.api.docs.ApiDocs;
import io.timetracker.api.docs.ApiDocumentation;
import io.timetracker.api.docs.Json;
import org.springframework.stereotype.Component;

/** The system endpoints in the OpenAPI document: info, health, the read models' administration, integrity. */
@Component
class SystemDocs implements ApiDocumentation {

    @Override
    public void describe(ApiDocs docs) {
        docs.tag("System", "What the server is and whether it is ready");
        docs.operation(SystemController.class, "info").id("getInfo").summary("The server and its API")
                .answers(Answer.of(200, "About the server", Json.object()
                        .with("api_version", Json.string())
                        .with("app_version", Json.string())
                        .with("setup_required", Json.bool())
                        .with("timezone", Json.string())
                        .with("enabled_modules", Json.array(Json.string()))
                        .with("documentation_url", Json.string())
                        .with("authentication", Json.object()
                                .with("type", Json.string())
                                .with("header_formats", Json.array(Json.string()))
                                .with("token_format", Json.string())
                                .with("login", Json.string()))
                        .with("endpoints", Json.mapOf(Json.string()))));
        docs.operation(SystemController.class, "health").id("getHealth").summary("Whether the server is ready")
                .answers(Answer.of(200, "Ready", health()))
                .alsoAnswers(Answer.of(503, "Not ready: the database is unreachable or start-up has not finished",
                        health()));

        docs.tag("Read models", "Administration of the read tables: rebuilds and checks");
        docs.operation(ReadModelController.class, "list").id("listReadModels")
                .summary("The read models, their state and the recent jobs")
                .answers(Answer.of(200, "Every read model", Json.object()
                        .with("read_models", Json.array(Json.object()
                                .with("name", Json.string())
                                .with("tables", Json.array(Json.string()))
                                .with("mode", Json.string())
                                .with("state", Json.oneOf("live", "rebuilding", "verifying"))
                                .with("position", Json.integer())
                                .with("head", Json.integer())
                                .with("lag", Json.integer())
                                .with("built_at", Json.nullable(Json.dateTime()))
                                .with("definition", Json.nullable(Json.string()))
                                .with("job", Json.nullable(job()))))
                        .with("pagination", Json.ref("Pagination"))
                        .with("event_store", Json.object().with("head", Json.integer()))
                        .with("jobs", Json.array(job()))));
        docs.operation(ReadModelController.class, "rebuild").id("rebuildReadModels")
                .summary("Rebuild read models online").body(ReadModelController.JOB)
                .answers(jobStarted()).error(409, "A job is already running");
        docs.operation(ReadModelController.class, "verify").id("verifyReadModels")
                .summary("Build read models afresh and compare them with the live ones").body(ReadModelController.JOB)
                .answers(jobStarted()).error(409, "A job is already running");
        docs.operation(ReadModelController.class, "job").id("getReadModelJob").summary("One rebuild or check job")
                .answers(Answer.of(200, "The job", Json.object().with("job", job())));

        docs.tag("Integrity", "Tamper evidence of the event history");
        docs.operation(IntegrityController.class, "verify").id("verifyEventStoreIntegrity")
                .summary("Check every stored event against the hash chain of its aggregate")
                .answers(Answer.of(200, "What the check found (a break is an answer, not an error)", Json.object()
                        .with("integrity", Json.object()
                                .with("intact", Json.bool())
                                .with("events_verified", Json.integer())
                                .with("events_broken", Json.integer())
                                .with("head", Json.integer())
                                .with("duration_ms", Json.integer())
                                .with("first_break", Json.nullable(Json.object()
                                        .with("aggregate_identifier", Json.string())
                                        .with("aggregate_type", Json.nullable(Json.string()))
                                        .with("sequence_number", Json.integer())
                                        .with("global_index", Json.integer())
                                        .with("event_type", Json.string())
                                        .with("mismatch", Json.oneOf("sequence", "hash"))
                                        .with("previous_sequence_number", Json.nullable(Json.integer()))
                                        .with("detail", Json.string()))))));
    }

    private static Answer jobStarted() {
        return Answer.of(202, "Started", Json.object().with("message", Json.string()).with("job", job()))
                .withLocation();
    }

    private static Json.ObjectSchema health() {
        return Json.object()
                .with("status", Json.oneOf("healthy", "unhealthy"))
                .with("database", Json.oneOf("up", "unreachable"))
                .with("ready", Json.bool())
                .with("timestamp", Json.dateTime());
    }

    private static Json.ObjectSchema job() {
        return Json.object()
                .with("id", Json.integer())
                .with("kind", Json.oneOf("rebuild", "verify"))
                .with("read_models", Json.array(Json.string()))
                .with("state", Json.string())
                .with("events_done", Json.integer())
                .with("events_total", Json.nullable(Json.integer()))
                .with("position", Json.nullable(Json.integer()))
                .with("lag", Json.integer())
                .with("events_per_second", Json.nullable(Json.number()))
                .with("eta_seconds", Json.nullable(Json.integer()))
                .with("started_at", Json.nullable(Json.dateTime()))
                .with("finished_at", Json.nullable(Json.dateTime()))
                .with("error", Json.nullable(Json.string()))
                .with("report", Json.nullable(Json.anyObject()));
    }
}
