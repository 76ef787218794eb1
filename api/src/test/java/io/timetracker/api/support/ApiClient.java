package io.timetracker.api.support;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A small REST client for end-to-end tests: real HTTP against the application's random port. */
public class ApiClient {

    public static final String ADMIN_TOKEN = "tt_TestAdminToken0123456789abcdefgh";
    public static final String ADMIN_PASSWORD = "admin-password-for-tests";

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One answer: status, headers (first value of each, lower-case names) and the parsed JSON body. */
    public record Response(int status, Map<String, String> headers, JsonNode body, String raw) {

        public String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    private final int port;
    private final String token;
    private final Map<String, String> extraHeaders;
    private final boolean validRequests;

    public ApiClient(int port, String token) {
        this(port, token, Map.of(), true);
    }

    private ApiClient(int port, String token, Map<String, String> extraHeaders, boolean validRequests) {
        this.port = port;
        this.token = token;
        this.extraHeaders = extraHeaders;
        this.validRequests = validRequests;
    }

    /** The same client acting with another token (null: no token). */
    public ApiClient as(String otherToken) {
        return new ApiClient(port, otherToken, extraHeaders, validRequests);
    }

    /** The same client talking to the instance on {@code otherPort} (another node). */
    public ApiClient on(int otherPort) {
        return new ApiClient(otherPort, token, extraHeaders, validRequests);
    }

    /** The same client sending one more header on every request. */
    public ApiClient withHeader(String name, String value) {
        Map<String, String> headers = new LinkedHashMap<>(extraHeaders);
        headers.put(name, value);
        return new ApiClient(port, token, headers, validRequests);
    }

    /**
     * The same client for requests that break the OpenAPI document on purpose (bad fields, unknown routes,
     * malformed headers): they are not checked against it; the answers still are, wherever an operation matches.
     */
    public ApiClient sendingInvalidInput() {
        return new ApiClient(port, token, extraHeaders, false);
    }

    public Response get(String path) {
        return send("GET", path, null);
    }

    public Response post(String path, String json) {
        return send("POST", path, json);
    }

    public Response put(String path, String json) {
        return send("PUT", path, json);
    }

    public Response patch(String path, String json) {
        return send("PATCH", path, json);
    }

    public Response delete(String path) {
        return send("DELETE", path, null);
    }

    /** Any method, any body (null: none); JSON content type unless a header says otherwise. */
    public Response send(String method, String path, String body) {
        HttpResponse<String> response = exchange(method, path, body, HttpResponse.BodyHandlers.ofString());
        String raw = response.body();
        JsonNode json = raw == null || raw.isBlank() ? null : parse(raw);
        return new Response(response.statusCode(), headers(response), json, raw);
    }

    /** A file download: its status, headers and bytes. */
    public record Download(int status, Map<String, String> headers, byte[] bytes) {

        public String header(String name) {
            return headers.get(name.toLowerCase());
        }

        public String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    public Download download(String path) {
        HttpResponse<byte[]> response = exchange("GET", path, null, HttpResponse.BodyHandlers.ofByteArray());
        return new Download(response.statusCode(), headers(response), response.body());
    }

    private <T> HttpResponse<T> exchange(String method, String path, String body, HttpResponse.BodyHandler<T> handler) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null && !extraHeaders.containsKey("Content-Type")) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        extraHeaders.forEach(request::header);
        try {
            HttpRequest sent = request.build();
            HttpResponse<T> response = HTTP.send(sent, handler);
            ContractCheck.check(port, new ContractCheck.Exchange(method, path, sent.headers().map(), body,
                    response.statusCode(), response.headers().map(), checkedBody(response)), validRequests);
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The answer's body as the check reads it: text; a download's bytes as UTF-8 when they are JSON (an error), else
     * byte for byte (the validator checks a file's media type, not its bytes).
     */
    private static String checkedBody(HttpResponse<?> response) {
        if (response.body() instanceof byte[] bytes) {
            boolean json = response.headers().firstValue("Content-Type").orElse("").contains("json");
            return new String(bytes, json ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        }
        return (String) response.body();
    }

    private static Map<String, String> headers(HttpResponse<?> response) {
        Map<String, String> headers = new LinkedHashMap<>();
        response.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
        return headers;
    }

    private static JsonNode parse(String raw) {
        try {
            return JSON.readTree(raw);
        } catch (RuntimeException notJson) {
            return null;
        }
    }
}
