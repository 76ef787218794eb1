package io.timetracker.api.docs;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.timetracker.api.auth.RouteAccess;
import io.timetracker.api.auth.RouteTable;
import io.timetracker.api.web.BodyShape;
import io.timetracker.api.web.Envelopes;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Builds the document's paths from the route table and the features' {@link OperationDoc}s (springdoc's own
 * guesses from the method signatures are replaced). What the route table knows is derived here, once, for every
 * operation: the security requirement and scopes ({@code @RequiresScope}), the path parameters, the headers
 * ({@code If-Match}, {@code Idempotency-Key}, the rate limit's, {@code ETag}, {@code Location}) and the statuses
 * every operation of its kind can give. The examples are real answers ({@link ResponseExamples}): one per success,
 * and one per error status among the components, which every error answer with that status refers to.
 */
@Component
public class OpenApiDocument implements OpenApiCustomizer {

    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{(\\w+)}");
    private static final String JSON = "application/json";
    private static final List<String> WRITES = List.of("POST", "PUT", "PATCH", "DELETE");

    private final RouteTable routes;
    private final ApiDocs docs;

    public OpenApiDocument(RouteTable routes, ApiDocs docs) {
        this.routes = routes;
        this.docs = docs;
    }

    @Override
    public void customise(OpenAPI api) {
        RecordSchemas records = new RecordSchemas();
        Map<String, Schema> schemas = new TreeMap<>();
        schemas.put(ErrorResponses.SCHEMA, ErrorResponses.schema());
        schemas.put("Message", Json.object().with("message", Json.string()));
        records.ref(Envelopes.Pagination.class);
        Components components = api.getComponents() == null ? new Components() : api.getComponents();
        ErrorResponses.CODES.keySet().stream().sorted().forEach(status -> {
            Object example = ResponseExamples.error(status);
            if (example != null) {
                components.addExamples(ResponseExamples.errorName(status),
                        new Example().summary("A real " + status + " answer").value(example));
            }
        });
        Set<Integer> errorExamples = components.getExamples() == null ? Set.of() : ErrorResponses.CODES.keySet()
                .stream().filter(status -> components.getExamples().containsKey(ResponseExamples.errorName(status)))
                .collect(Collectors.toSet());

        Map<String, PathItem> paths = new TreeMap<>();
        routes.routes().stream().filter(ApiDocs::isApi)
                .sorted(Comparator.comparing(route -> route.patterns().iterator().next()))
                .forEach(route -> {
                    OperationDoc doc = docs.of(route.handler());
                    doc.answer.views().forEach(records::ref);
                    doc.otherAnswers.forEach(other -> other.views().forEach(records::ref));
                    for (String pattern : new TreeSet<>(route.patterns())) {
                        PathItem item = paths.computeIfAbsent(pattern, p -> new PathItem());
                        for (String method : route.methods()) {
                            item.operation(PathItem.HttpMethod.valueOf(method),
                                    operation(route, pattern, method, doc, schemas, errorExamples));
                        }
                    }
                });
        schemas.putAll(records.components());
        components.setSchemas(schemas);
        api.setComponents(components);
        Paths ordered = new Paths();
        paths.forEach(ordered::addPathItem);
        api.setPaths(ordered);
        api.setTags(docs.tags().stream().map(tag -> new io.swagger.v3.oas.models.tags.Tag()
                .name(tag.name()).description(tag.description())).toList());
    }

    private static Operation operation(RouteTable.Route route, String pattern, String method, OperationDoc doc,
                                       Map<String, Schema> schemas, Set<Integer> errorExamples) {
        RouteAccess access = route.access();
        boolean scoped = access.kind() == RouteAccess.Kind.SCOPED;
        boolean write = WRITES.contains(method);
        boolean onResource = PATH_VARIABLE.matcher(pattern).find();
        Operation operation = new Operation().operationId(doc.idFor(method)).addTagsItem(doc.tag)
                .summary(doc.summary).description(describe(doc, access));
        if (scoped) {
            operation.addSecurityItem(new SecurityRequirement().addList("bearer"))
                    .addSecurityItem(new SecurityRequirement().addList("apiKey"))
                    .addExtension("x-required-scopes", access.scopes());
        } else {
            operation.setSecurity(List.of()); // no token needed (one sent is ignored)
        }
        pathParameters(pattern).forEach(operation::addParametersItem);
        doc.params.forEach(param -> operation.addParametersItem(param.parameter()));
        doc.answer.listParams().forEach(param -> operation.addParametersItem(param.parameter()));
        boolean conditional = onResource && write;
        if (conditional) {
            operation.addParametersItem(header("If-Match", "The ETag last seen: a stale one is 409 conflict"));
        }
        boolean idempotent = scoped && method.equals("POST");
        if (idempotent) {
            operation.addParametersItem(header("Idempotency-Key", "1..128 characters; a repeat within 24 hours "
                    + "answers the first response again, the same key with another body is 409 conflict")
                    .schema(Json.string().minLength(1).maxLength(128)));
        }
        if (write) {
            BodyShape shape = doc.body != null ? doc.body : BodyShape.reasonOnly();
            schemas.putIfAbsent(shape.name(), BodySchemas.of(shape));
            boolean needsFields = !shape.partial() && shape.fields().stream().anyMatch(f -> f.mandatory());
            operation.requestBody(new RequestBody().required(needsFields)
                    .content(new Content().addMediaType(JSON, new MediaType().schema(Json.ref(shape.name())))));
        }

        ApiResponses responses = new ApiResponses();
        String operationId = operation.getOperationId();
        ApiResponse success = response(doc.answer, write, operationId);
        if (idempotent) {
            success.addHeaderObject("Idempotent-Replayed", ResponseHeaders.named("Idempotent-Replayed"));
        }
        responses.addApiResponse(String.valueOf(doc.answer.status()), success);
        doc.otherAnswers.forEach(other ->
                responses.addApiResponse(String.valueOf(other.status()), response(other, write, operationId)));

        Map<Integer, String> errors = new TreeMap<>(doc.errors);
        if (scoped) {
            errors.putIfAbsent(401, "No token, or one that is refused (the message says why)");
            errors.putIfAbsent(403, "The token lacks the scope, or the user's role may not do this");
        }
        // every request counts against a limit: the token's, else the client address's (sign-in has its own)
        errors.putIfAbsent(429, access.signIn() ? "Over the client address's sign-in limit" : "Over the rate limit");
        if (write) {
            errors.putIfAbsent(400, "A body that is no JSON object, or invalid fields (errors names them)");
            errors.putIfAbsent(413, "A body over the size limit");
            errors.putIfAbsent(415, "A body that is not JSON");
        }
        if (onResource) {
            errors.putIfAbsent(400, "A malformed id");
            errors.putIfAbsent(404, "No such resource, or one the caller may not see");
        }
        if (conditional || idempotent) {
            errors.putIfAbsent(409, conditional ? "A stale If-Match" : "An Idempotency-Key reused with another body");
        }
        if (operation.getParameters() != null && !operation.getParameters().isEmpty()) {
            errors.putIfAbsent(400, "A malformed parameter (errors names it)");
        }
        errors.putIfAbsent(500, "An unexpected failure: no details, a request_id to find it in the logs");
        errors.forEach((status, when) -> {
            MediaType json = new MediaType().schema(Json.ref(ErrorResponses.SCHEMA));
            if (errorExamples.contains(status)) {
                String example = ResponseExamples.errorName(status);
                json.addExamples(example, new Example().$ref("#/components/examples/" + example));
            }
            ApiResponse error = new ApiResponse().description(when + " (" + ErrorResponses.description(status) + ")")
                    .content(new Content().addMediaType(JSON, json));
            ResponseHeaders.common(error);
            if (status == 429) {
                error.addHeaderObject("Retry-After", ResponseHeaders.named("Retry-After"));
            }
            responses.addApiResponse(String.valueOf(status), error);
        });
        return operation.responses(responses);
    }

    private static ApiResponse response(Answer answer, boolean write, String operationId) {
        MediaType json = new MediaType().schema(answer.body());
        Object example = ResponseExamples.success(operationId, answer.status());
        if (example != null) { // an explicit null would be served as an example
            json.setExample(example);
        }
        Content content = new Content();
        if (answer.mediaTypes().isEmpty()) {
            content.addMediaType(JSON, json);
        } else {
            answer.mediaTypes().forEach(type -> content.addMediaType(type, new MediaType().schema(answer.body())));
        }
        ApiResponse response = new ApiResponse().description(answer.description()).content(content);
        ResponseHeaders.common(response);
        if (!answer.mediaTypes().isEmpty()) {
            response.addHeaderObject("Content-Disposition", ResponseHeaders.named("Content-Disposition"));
        }
        if (answer.etag()) {
            response.addHeaderObject("ETag", ResponseHeaders.named("ETag"));
        }
        if (answer.location()) {
            response.addHeaderObject("Location", ResponseHeaders.named("Location"));
        }
        if (write) {
            response.addHeaderObject("X-Ignored-Fields", ResponseHeaders.named("X-Ignored-Fields"));
        }
        return response;
    }

    private static String describe(OperationDoc doc, RouteAccess access) {
        String needs = access.kind() == RouteAccess.Kind.SCOPED
                ? "Needs a token with the scope " + String.join(" and ", access.scopes()) + "."
                : "Needs no token.";
        return doc.description == null ? needs : doc.description + "\n\n" + needs;
    }

    private static List<Parameter> pathParameters(String pattern) {
        Matcher variables = PATH_VARIABLE.matcher(pattern);
        List<Parameter> parameters = new java.util.ArrayList<>();
        while (variables.find()) {
            parameters.add(new Parameter().in("path").name(variables.group(1)).required(true).schema(Json.integer()));
        }
        return parameters;
    }

    private static Parameter header(String name, String description) {
        return new Parameter().in("header").name(name).required(false).description(description)
                .schema(Json.string());
    }
}
