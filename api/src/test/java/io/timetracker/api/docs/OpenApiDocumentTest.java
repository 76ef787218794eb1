package io.timetracker.api.docs;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import io.timetracker.api.support.ApiClient;
import io.timetracker.api.support.ApiClient.Response;
import io.timetracker.api.support.ContractCheck;
import io.timetracker.api.support.EndToEndTest;
import io.timetracker.api.support.ExampleRecorder;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The served OpenAPI document is valid OpenAPI, names its operations as a person would, and is what Swagger UI
 * shows. It is also written to {@code target/openapi.json}, from which the client-check module generates a client.
 */
class OpenApiDocumentTest extends EndToEndTest {

    @Test
    void theDocumentIsValidOpenApi() throws IOException {
        String json = ContractCheck.document(port);
        SwaggerParseResult parsed = new OpenAPIParser().readContents(json, null, null);
        assertThat(parsed.getMessages()).isEmpty();
        Files.writeString(Path.of("target", "openapi.json"), json);

        OpenAPI api = parsed.getOpenAPI();
        List<Operation> operations = api.getPaths().values().stream()
                .flatMap(item -> item.readOperations().stream()).toList();
        long statuses = operations.stream().mapToLong(operation -> operation.getResponses().size()).sum();
        System.out.printf("OpenAPI document: %d operations, %d documented statuses, %d component schemas%n",
                operations.size(), statuses, api.getComponents().getSchemas().size());
        Set<String> ids = new HashSet<>();
        for (Operation operation : operations) {
            assertThat(operation.getOperationId()).matches("[a-z][A-Za-z]+");
            assertThat(ids.add(operation.getOperationId())).as(operation.getOperationId() + " is unique").isTrue();
            assertThat(operation.getTags()).hasSize(1);
            assertThat(operation.getResponses().keySet()).contains("500");
        }
    }

    @Test
    void anOperationSaysWhatItTakesAndGives() {
        Operation create = new OpenAPIParser().readContents(ContractCheck.document(port), null, null).getOpenAPI()
                .getPaths().get("/api/v1/time-entries").getPost();
        assertThat(create.getOperationId()).isEqualTo("createTimeEntry");
        assertThat(create.getTags()).containsExactly("Time entries");
        assertThat(create.getRequestBody().getContent().get("application/json").getSchema().get$ref())
                .endsWith("/TimeEntryCreate");
        assertThat(create.getResponses().keySet()).contains("201", "400", "401", "403", "409", "429");
        assertThat(create.getResponses().get("201").getHeaders().keySet()).contains("Location", "ETag",
                "X-RateLimit-Remaining");
        assertThat(create.getExtensions().get("x-required-scopes")).isEqualTo(List.of("write:time_entries"));
        assertThat(create.getParameters()).anyMatch(parameter -> parameter.getName().equals("Idempotency-Key"));
    }

    /**
     * Every JSON success answer has an example recorded from a real answer (docs/openapi.md, "Examples"), and so do
     * the error statuses; each passes the validator against its own operation and status, and none holds a secret.
     */
    @Test
    void everyAnswerHasARecordedExampleThatMatchesItsSchema() {
        String json = ContractCheck.document(port);
        OpenApiInteractionValidator validator = OpenApiInteractionValidator.createForInlineApiSpecification(json)
                .build();
        OpenAPI api = new OpenAPIParser().readContents(json, null, null).getOpenAPI();
        List<String> missing = new ArrayList<>();
        int examples = 0;
        for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> operation : path.getValue().readOperationsMap().entrySet()) {
                for (Map.Entry<String, ApiResponse> answer : operation.getValue().getResponses().entrySet()) {
                    String where = operation.getValue().getOperationId() + " " + answer.getKey();
                    MediaType content = answer.getValue().getContent().get("application/json");
                    Object example = content == null ? null : example(api, content); // a download has no JSON
                    if (example == null) {
                        if (content != null && answer.getKey().startsWith("2")) {
                            missing.add(where);
                        }
                        continue;
                    }
                    examples++;
                    String body = Json.pretty(example);
                    ValidationReport report = validator.validateResponse(path.getKey(),
                            Request.Method.valueOf(operation.getKey().name()),
                            SimpleResponse.Builder.status(Integer.parseInt(answer.getKey()))
                                    .withContentType("application/json").withBody(body).build());
                    assertThat(report.getMessages()).as(where).isEmpty();
                    assertNoSecret(where, body);
                }
            }
        }
        System.out.printf("OpenAPI examples: %d answers with one, %d recorded errors%n", examples,
                api.getComponents().getExamples().size());
        assertThat(missing).as("JSON success answers without an example").isEmpty();
        assertThat(api.getComponents().getExamples()).containsKeys("error_400", "error_404", "error_409");
    }

    /** No file of {@code src/main/resources/openapi/examples} is left over from an operation or status now gone. */
    @Test
    void everyRecordedExampleIsServed() throws IOException {
        OpenAPI api = new OpenAPIParser().readContents(ContractCheck.document(port), null, null).getOpenAPI();
        Set<String> answers = new HashSet<>();
        api.getPaths().values().stream().flatMap(item -> item.readOperations().stream()).forEach(operation ->
                operation.getResponses().keySet().forEach(status -> {
                    answers.add(operation.getOperationId() + "." + status + ".json");
                    answers.add("error." + status + ".json");
                }));
        try (Stream<Path> files = Files.list(Path.of("src", "main", "resources", "openapi", "examples"))) {
            assertThat(files.map(file -> file.getFileName().toString())).isNotEmpty().allMatch(answers::contains);
        }
    }

    /** The example of {@code content}: its own, or the first of its named ones (an error's, among the components). */
    private static Object example(OpenAPI api, MediaType content) {
        if (content.getExample() != null || content.getExamples() == null) {
            return content.getExample();
        }
        Example named = content.getExamples().values().iterator().next();
        return named.get$ref() == null ? named.getValue()
                : api.getComponents().getExamples().get(named.get$ref().substring(named.get$ref().lastIndexOf('/') + 1))
                .getValue();
    }

    /** A plain token only as the recorder's placeholder; no password or secret at all. */
    private static void assertNoSecret(String where, String example) {
        Matcher tokens = ExampleRecorder.TOKEN.matcher(example);
        while (tokens.find()) {
            assertThat(tokens.group()).as(where + ": a plain token").isEqualTo(ExampleRecorder.PLACEHOLDER_TOKEN);
        }
        assertThat(example).as(where).doesNotContain(ApiClient.ADMIN_PASSWORD)
                .doesNotContainPattern("(?i)\"[a-z_]*(password|secret)[a-z_]*\"\\s*:\\s*\"");
    }

    @Test
    void swaggerUiShowsTheSameDocumentWithoutAToken() {
        Response config = admin.as(null).get("/api/openapi.json/swagger-config");
        assertThat(config.status()).as(config.raw()).isEqualTo(200);
        assertThat(config.body().get("url").asString()).isEqualTo("/api/openapi.json");
        Response page = admin.as(null).get("/api/swagger-ui/index.html");
        assertThat(page.status()).isEqualTo(200);
        assertThat(admin.as(null).get("/api/docs").status()).isIn(200, 302);
    }
}
