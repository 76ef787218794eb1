package io.timetracker.api.support;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Records the OpenAPI document's examples from the answers the HTTP tests really get (run the tests with
 * {@code -Dopenapi.examples.record=true}; docs/openapi.md): one per operation and success status,
 * {@code <operationId>.<status>.json}, and one per error status, {@code error.<status>.json}, in
 * {@code src/main/resources/openapi/examples/}, which the document serves. Of the answers a run sees for one
 * file the largest of at most {@link #MAX_LENGTH} characters is kept (else the smallest; equal sizes by their
 * text), so the choice does not depend on the order of the tests. A plain API token is never recorded: each
 * is replaced by {@link #PLACEHOLDER_TOKEN} (and its prefix by the placeholder's).
 */
public final class ExampleRecorder {

    /** Obviously no real token, in the real format ({@code tt_} and 32 characters of [A-Za-z0-9_-]). */
    public static final String PLACEHOLDER_TOKEN = "tt_EXAMPLE_TOKEN_not_a_real_one_000";
    /** A token as the service issues it. */
    public static final Pattern TOKEN = Pattern.compile("tt_[A-Za-z0-9_-]{32}");
    static final boolean RECORDING = Boolean.getBoolean("openapi.examples.record");

    private static final int MAX_LENGTH = 2_500;
    private static final int PREFIX_LENGTH = 8; // ApiTokenView.tokenPrefix
    private static final Path FOLDER = Path.of("src", "main", "resources", "openapi", "examples");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Comparator<String> PREFERRED = Comparator
            .comparing((String body) -> body.length() <= MAX_LENGTH)
            .thenComparing(body -> body.length() <= MAX_LENGTH ? body.length() : -body.length())
            .thenComparing(Comparator.<String>naturalOrder().reversed());
    private static final Map<String, String> KEPT = new HashMap<>();

    private ExampleRecorder() {
    }

    /** Offers a checked answer of {@code operationId}; keeps it if it is the best of its file so far. */
    static synchronized void offer(String operationId, int status, String body) {
        JsonNode json;
        try {
            json = JSON.readTree(withoutTokens(body));
        } catch (RuntimeException notJson) {
            return; // a download
        }
        if (!json.isObject() || (status >= 400 && !json.has("error_code"))) {
            return;
        }
        String name = (status >= 400 ? "error" : operationId) + "." + status;
        String pretty = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n";
        String kept = KEPT.get(name);
        if (kept != null && PREFERRED.compare(pretty, kept) <= 0) {
            return;
        }
        KEPT.put(name, pretty);
        try {
            Files.createDirectories(FOLDER);
            Files.writeString(FOLDER.resolve(name + ".json"), pretty);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The body with every plain token (and its prefix, as a value) replaced by the placeholder's. */
    static String withoutTokens(String body) {
        Matcher tokens = TOKEN.matcher(body);
        String scrubbed = body;
        while (tokens.find()) {
            String token = tokens.group();
            scrubbed = scrubbed.replace(token, PLACEHOLDER_TOKEN).replace(
                    "\"" + token.substring(0, PREFIX_LENGTH) + "\"",
                    "\"" + PLACEHOLDER_TOKEN.substring(0, PREFIX_LENGTH) + "\"");
        }
        return scrubbed;
    }
}
