package io.timetracker.api.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.interaction.ApiOperationResolver;
import com.atlassian.oai.validator.model.ApiOperationMatch;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import io.swagger.parser.OpenAPIParser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Checks every request an HTTP test sends and every response it gets against the OpenAPI document served by the
 * application under test (fetched once per application), with Atlassian's OpenAPI validator: an undocumented
 * status, field, type or header value fails the test. Objects are checked closed (no property the document does
 * not name). Tests that send invalid input on purpose say so ({@link ApiClient#sendingInvalidInput()}); their
 * requests are not checked, and neither are the answers to requests no operation matches (unknown paths or
 * methods), which the document cannot describe. Only the API ({@code /api/v1/...}) is checked. The answers that
 * pass are what {@link ExampleRecorder} records the document's examples from.
 */
public final class ContractCheck {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Map<Integer, Contract> CONTRACTS = new ConcurrentHashMap<>();
    /** The validator's keys for "no operation matches this request". */
    private static final List<String> NO_OPERATION = List.of("validation.request.path.missing",
            "validation.request.operation.notAllowed", "validation.response.path.missing",
            "validation.response.operation.notAllowed");

    private ContractCheck() {
    }

    /** The document of one application: its validator, and which operation a request is. */
    private record Contract(OpenApiInteractionValidator validator, ApiOperationResolver operations) {

        static Contract of(String document) {
            return new Contract(OpenApiInteractionValidator.createForInlineApiSpecification(document).build(),
                    new ApiOperationResolver(new OpenAPIParser().readContents(document, null, null).getOpenAPI(),
                            null, false));
        }

        String operationId(String path, Request.Method method) {
            ApiOperationMatch match = operations.findApiOperation(path, method);
            return match.isPathFound() && match.isOperationAllowed()
                    ? match.getApiOperation().getOperation().getOperationId() : null;
        }
    }

    /** One exchange as the test saw it. */
    public record Exchange(String method, String target, Map<String, List<String>> requestHeaders, String requestBody,
                           int status, Map<String, List<String>> responseHeaders, String responseBody) {
    }

    /** The served document, as the application at {@code port} serves it. */
    public static String document(int port) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/openapi.json"))
                .GET().build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("GET /api/openapi.json answered " + response.statusCode() + ": "
                        + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param checkRequest false for a request that is invalid on purpose
     * @throws AssertionError naming every way the exchange departs from the document
     */
    public static void check(int port, Exchange exchange, boolean checkRequest) {
        String target = exchange.target();
        int query = target.indexOf('?');
        // as the router reads it: an encoded letter is the letter
        String path = decode(query < 0 ? target : target.substring(0, query));
        if (!path.startsWith("/api/v1/")) {
            return;
        }
        Contract contract = CONTRACTS.computeIfAbsent(port, p -> Contract.of(document(p)));
        Request.Method method = Request.Method.valueOf(exchange.method());
        SimpleRequest.Builder request = new SimpleRequest.Builder(method, path);
        if (query >= 0) {
            queryParameters(target.substring(query + 1)).forEach(request::withQueryParam);
        }
        exchange.requestHeaders().forEach(request::withHeader);
        if (exchange.requestBody() != null) {
            request.withBody(exchange.requestBody());
        }
        SimpleResponse.Builder response = SimpleResponse.Builder.status(exchange.status());
        exchange.responseHeaders().forEach(response::withHeader);
        if (exchange.responseBody() != null && !exchange.responseBody().isEmpty()) {
            response.withBody(exchange.responseBody());
        }
        ValidationReport report = checkRequest ? contract.validator().validate(request.build(), response.build())
                : contract.validator().validateResponse(path, method, response.build());
        List<ValidationReport.Message> errors = report.getMessages().stream()
                .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .filter(message -> checkRequest || !NO_OPERATION.contains(message.getKey()))
                .toList();
        if (!errors.isEmpty()) {
            throw new AssertionError("The exchange " + exchange.method() + " " + target + " -> " + exchange.status()
                    + " departs from the OpenAPI document:\n" + errors.stream()
                    .map(message -> "  " + message.getKey() + ": " + message.getMessage())
                    .collect(Collectors.joining("\n"))
                    + "\nrequest body: " + exchange.requestBody() + "\nresponse body: " + exchange.responseBody());
        }
        if (ExampleRecorder.RECORDING && exchange.responseBody() != null) {
            String operationId = contract.operationId(path, method);
            if (operationId != null) {
                ExampleRecorder.offer(operationId, exchange.status(), exchange.responseBody());
            }
        }
    }

    private static Map<String, List<String>> queryParameters(String query) {
        return java.util.Arrays.stream(query.split("&")).filter(pair -> !pair.isEmpty())
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.groupingBy(pair -> decode(pair[0]), java.util.LinkedHashMap::new,
                        Collectors.mapping(pair -> pair.length > 1 ? decode(pair[1]) : "", Collectors.toList())));
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
