package io.timetracker.api.search;

import io.timetracker.api.docs.Answer;
import io.timetracker.api.docs.ApiDocs;
import io.timetracker.api.docs.ApiDocumentation;
import io.timetracker.api.docs.Json;
import io.timetracker.api.docs.QueryParam;
import io.swagger.v3.oas.models.media.Schema;
import org.springframework.stereotype.Component;

import java.util.Arrays;

/** Contract §8 in the OpenAPI document: search. */
@Component
class SearchDocs implements ApiDocumentation {

    @Override
    public void describe(ApiDocs docs) {
        docs.tag("Search", "Full-text search over what the caller may see");
        Schema<Object> text = Json.string().minLength(SearchController.MIN_QUERY)
                .maxLength(SearchController.MAX_QUERY);
        docs.operation(SearchController.class, "search").id("search")
                .summary("Find projects, tasks, clients, time entries and more by text, best matches first")
                .description("Each type shows only what the caller may see: a type needs the scope that reads it "
                        + "(read:tasks for tasks, ...), and owned things (time entries) are the caller's own "
                        + "unless the caller is an admin.")
                .param(new QueryParam("q", text, "The text, " + SearchController.MIN_QUERY + " to "
                        + SearchController.MAX_QUERY + " characters after trimming").required())
                .param(QueryParam.integer("limit", 1, SearchController.MAX_LIMIT, SearchController.DEFAULT_LIMIT,
                        "Results per type"))
                .param(QueryParam.text("types", "Comma-separated, of " + String.join(", ", SearchType.NAMES)
                        + " (default: all)"))
                .answers(Answer.of(200, "The matches", Json.object()
                        .with("results", Json.array(Json.object()
                                .with("type", Json.oneOf(SearchType.NAMES.toArray(String[]::new)))
                                .with("category", Json.oneOf(Arrays.stream(SearchType.values())
                                        .map(SearchType::category).toArray(String[]::new)))
                                .with("id", Json.integer())
                                .with("title", Json.string())
                                .with("description", Json.nullable(Json.string()))
                                .with("badge", Json.nullable(Json.string()))))
                        .with("query", Json.string().description("q, trimmed"))
                        .with("count", Json.integer())
                        .with("partial", Json.bool().description("Always false: every type answered"))
                        .with("errors", Json.mapOf(Json.string()).description("Always empty"))));
    }
}
