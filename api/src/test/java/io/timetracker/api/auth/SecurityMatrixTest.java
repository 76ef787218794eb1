package io.timetracker.api.auth;

import io.timetracker.api.support.ApiClient;
import io.timetracker.api.support.ApiClient.Response;
import io.timetracker.api.support.EndToEndTest;
import io.timetracker.api.support.Endpoints;
import io.timetracker.api.support.Endpoints.Endpoint;
import io.timetracker.api.support.RawHttp;
import io.timetracker.api.support.RouteFixtures;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The access rules of issue "Fail-closed access control", generated from the route table so that a route added
 * later is covered without anyone remembering it: no spelling of a path reaches a private handler without a
 * token; a token without an endpoint's scope gets the contract's 403, one with it does not; and a user never
 * reaches another user's time entries or timer.
 */
class SecurityMatrixTest extends EndToEndTest {

    /** Spellings the router reads as the plain path: the token is still required. */
    private static final Map<String, UnaryOperator<String>> ESCAPED = Map.of(
            "a %-escaped letter", path -> path.replaceFirst("/api/", "/%61pi/"),
            "a %-escaped digit", path -> path.replaceFirst("/v1/", "/v%31/"));

    /** Spellings a strict firewall refuses before routing. */
    private static final Map<String, UnaryOperator<String>> AMBIGUOUS = Map.ofEntries(
            Map.entry("a ;parameter on the first segment", path -> path.replaceFirst("/api/", "/api;x/")),
            Map.entry("a ;parameter on the version", path -> path.replaceFirst("/v1/", "/v1;x/")),
            Map.entry("a ;parameter at the end", path -> path + ";x"),
            Map.entry("an encoded slash", path -> path.replaceFirst("/v1/", "/v1%2F")),
            Map.entry("an encoded dot segment", path -> path.replaceFirst("/v1/", "/v1/%2e/")),
            Map.entry("a double slash", path -> path.replaceFirst("/v1/", "/v1//")),
            Map.entry("a dot segment", path -> path.replaceFirst("/v1/", "/v1/./")),
            Map.entry("a dot-dot segment", path -> path.replaceFirst("/v1/", "/v1/x/../")),
            Map.entry("an encoded NUL", path -> path + "%00"),
            Map.entry("a backslash", path -> path.replaceFirst("/v1/", "/v1\\\\")),
            Map.entry("an encoded backslash", path -> path.replaceFirst("/v1/", "/v1%5C")),
            Map.entry("an encoded percent", path -> path + "%25"));

    @Autowired
    RouteTable routes;

    @Test
    void theRouteTableIsWhatTheMatrixCovers() {
        List<Endpoint> endpoints = Endpoints.of(routes);
        assertThat(endpoints).extracting(Endpoint::toString)
                .contains("POST /api/v1/api-tokens", "GET /api/v1/users", "POST /api/v1/time-entries/bulk",
                        "GET /api/v1/health", "POST /api/v1/auth/login");
        assertThat(endpoints).allMatch(endpoint -> endpoint.access().kind() != RouteAccess.Kind.UNDECLARED);
    }

    @TestFactory
    Stream<DynamicTest> withoutATokenNoSpellingOfAPrivatePathAnswers() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Endpoint endpoint : Endpoints.of(routes)) {
            String path = endpoint.pattern().replaceAll("\\{[^}]+}", "1");
            if (!endpoint.access().isPublic()) {
                tests.add(DynamicTest.dynamicTest(endpoint + " as written", () ->
                        assertRefused(send(endpoint, path), 401, "unauthorized")));
                ESCAPED.forEach((spelling, spell) -> tests.add(DynamicTest.dynamicTest(endpoint + " with " + spelling,
                        () -> assertRefused(send(endpoint, spell.apply(path)), 401, "unauthorized"))));
            }
            if (path.startsWith("/api/v1/")) {
                AMBIGUOUS.forEach((spelling, spell) -> tests.add(DynamicTest.dynamicTest(endpoint + " with " + spelling,
                        () -> assertRefused(send(endpoint, spell.apply(path)), 400, "bad_request"))));
            }
        }
        return tests.stream();
    }

    /** The spellings of issue 6, which minted an admin token and listed every user without any token. */
    @Test
    void theReportedSpellingsAreRefused() {
        String mint = "{\"name\": \"x\", \"user_id\": 1, \"scopes\": \"admin:all\"}";
        assertRefused(RawHttp.sendMalformed(port, "POST", "/api;x/v1/api-tokens", Map.of(), mint), 400, "bad_request");
        assertRefused(RawHttp.sendMalformed(port, "GET", "/api;x/v1/users", Map.of(), null), 400, "bad_request");
        assertRefused(RawHttp.sendMalformed(port, "GET", "/api/v%31/projects", Map.of(), null), 401, "unauthorized");
        assertRefused(RawHttp.sendMalformed(port, "GET", "/%61pi/v1/projects", Map.of(), null), 401, "unauthorized");
        assertRefused(RawHttp.sendMalformed(port, "GET", "/api/v1;x/projects", Map.of(), null), 400, "bad_request");
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        for (Response response : List.of(admin.get("/api/v1/projects"),
                admin.as(null).sendingInvalidInput().get("/api/v1/projects"),
                admin.as(null).get("/api/v1/health"))) {
            assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(response.header("Cache-Control")).contains("no-store");
        }
    }

    @Test
    void theErrorPageIsNoEndpointOfItsOwn() {
        Response direct = admin.as(null).get("/error");
        assertThat(direct.status()).isEqualTo(404);
        assertThat(direct.body().get("error_code").asString()).isEqualTo("not_found");
    }

    @TestFactory
    Stream<DynamicTest> aTokenNeedsTheEndpointsScopeAndNothingElse() {
        RouteFixtures fixtures = new RouteFixtures(newCaller("admin", "admin:all"));
        List<DynamicTest> tests = new ArrayList<>();
        for (Endpoint endpoint : Endpoints.of(routes)) {
            for (String scope : endpoint.access().scopes()) {
                tests.add(DynamicTest.dynamicTest(endpoint + " without " + scope, () -> {
                    String lacking = lacking(scope, endpoint.access().scopes());
                    Response refused = asAdminWith(lacking).sendingInvalidInput().send(endpoint.method(),
                            fixtures.path(endpoint.pattern()),
                            endpoint.isWrite() ? "{}" : null);
                    assertThat(refused.status()).as(refused.raw()).isEqualTo(403);
                    assertThat(refused.body().get("error").asString()).isEqualTo("Insufficient permissions");
                    assertThat(refused.body().get("error_code").asString()).isEqualTo("forbidden");
                    assertThat(refused.body().get("required_scope").asString()).isEqualTo(scope);
                    assertThat(refused.body().get("available_scopes").valueStream().map(JsonNode::asString))
                            .containsExactlyInAnyOrder(lacking.split(","));
                }));
            }
            if (!endpoint.access().scopes().isEmpty()) {
                tests.add(DynamicTest.dynamicTest(endpoint + " with " + endpoint.access().scopes(), () -> {
                    ApiClient scoped = asAdminWith(String.join(",", endpoint.access().scopes()));
                    Response allowed;
                    if (endpoint.isWrite()) {
                        RouteFixtures.Write write = fixtures.write(endpoint.method(), endpoint.pattern());
                        allowed = scoped.send(endpoint.method(), write.path(), write.body());
                    } else {
                        allowed = scoped.get(fixtures.read(endpoint.pattern()));
                    }
                    assertThat(allowed.status()).as(allowed.raw()).isNotEqualTo(403).isLessThan(500);
                }));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> aUserNeverReachesAnotherUsersEntriesOrTimer() {
        ApiClient owner = newCaller("user", "read:*,write:*");
        ApiClient intruder = newCaller("user", "read:*,write:*");
        long project = createProject(unique("Owned"), createClient(unique("Owner's client")));
        String secret = "secret-" + UUID.randomUUID();
        Response entry = owner.post("/api/v1/time-entries", """
                {"project_id": %d, "start_time": "2020-02-03T09:00:00Z", "end_time": "2020-02-03T10:00:00Z",
                 "notes": "%s"}""".formatted(project, secret));
        assertThat(entry.status()).as(entry.raw()).isEqualTo(201);
        long entryId = entry.body().get("time_entry").get("id").asLong();
        assertThat(owner.post("/api/v1/timer/start", "{\"project_id\": %d, \"notes\": \"%s\"}"
                .formatted(project, secret)).status()).isEqualTo(201);

        List<DynamicTest> tests = new ArrayList<>();
        for (Endpoint endpoint : Endpoints.of(routes)) {
            if (endpoint.pattern().startsWith("/api/v1/time-entries/{")) {
                tests.add(DynamicTest.dynamicTest(endpoint + " on another user's entry", () -> {
                    Response refused = intruder.sendingInvalidInput().send(endpoint.method(),
                            endpoint.pattern().replaceFirst("\\{[^}]+}", String.valueOf(entryId)),
                            endpoint.isWrite() ? "{\"notes\": \"taken over\", \"reason\": \"mine now\"}" : null);
                    assertThat(refused.status()).as(refused.raw()).isIn(403, 404);
                    assertThat(refused.raw()).doesNotContain(secret);
                    assertOwnersDataUntouched(owner, entryId, secret);
                }));
            }
            if (endpoint.pattern().startsWith("/api/v1/timer/")) {
                tests.add(DynamicTest.dynamicTest(endpoint + " while another user's timer runs", () -> {
                    Response answer = intruder.sendingInvalidInput().send(endpoint.method(),
                            endpoint.pattern(), endpoint.isWrite() ? "{}" : null);
                    assertThat(answer.raw()).doesNotContain(secret);
                    assertOwnersDataUntouched(owner, entryId, secret);
                }));
            }
        }
        tests.add(DynamicTest.dynamicTest("GET /api/v1/time-entries of another user", () -> {
            Response refused = intruder.get("/api/v1/time-entries?include_active=true&user_id="
                    + owner.get("/api/v1/users/me").body().get("user").get("id").asLong());
            assertThat(refused.status()).isEqualTo(403);
            assertThat(intruder.get("/api/v1/time-entries?include_active=true").raw()).doesNotContain(secret);
        }));
        tests.add(DynamicTest.dynamicTest("POST /api/v1/time-entries/bulk on another user's entry", () -> {
            Response bulk = intruder.post("/api/v1/time-entries/bulk",
                    "{\"entry_ids\": [%d], \"action\": \"delete\"}".formatted(entryId));
            assertThat(bulk.body().get("affected").asInt()).isZero();
            assertThat(bulk.body().get("results").get(0).get("error_code").asString()).isEqualTo("not_found");
            assertOwnersDataUntouched(owner, entryId, secret);
        }));
        return tests.stream();
    }

    private static void assertOwnersDataUntouched(ApiClient owner, long entryId, String secret) {
        assertThat(owner.get("/api/v1/time-entries/" + entryId).body().get("time_entry").get("notes").asString())
                .isEqualTo(secret);
        JsonNode timer = owner.get("/api/v1/timer/status").body();
        assertThat(timer.get("active").asBoolean()).isTrue();
        assertThat(timer.get("timer").get("notes").asString()).isEqualTo(secret);
        assertThat(timer.get("timer").get("paused_at").isNull()).isTrue();
    }

    /** A token of a new administrator with exactly these scopes (the role never stands in the way). */
    private ApiClient asAdminWith(String scopes) {
        return admin.as(tokenFor(createUser("admin"), scopes));
    }

    /**
     * The endpoint's other scopes and ones that do not grant {@code scope}, so that a route needing several scopes
     * is refused for each one it lacks.
     */
    private static String lacking(String scope, List<String> required) {
        List<String> scopes = new ArrayList<>(required);
        scopes.remove(scope);
        scopes.add(notGranting(scope));
        return String.join(",", scopes);
    }

    /** Scopes that do not grant {@code scope}: write does not imply read, nor read write; admin is neither. */
    private static String notGranting(String scope) {
        if (scope.equals("admin:all")) {
            return "read:*,write:*";
        }
        return scope.startsWith("read:") ? scope.replace("read:", "write:") : scope.replace("write:", "read:");
    }

    private RawHttp.Reply send(Endpoint endpoint, String target) {
        return RawHttp.sendMalformed(port, endpoint.method(), target, Map.of(), endpoint.isWrite() ? "{}" : null);
    }

    private static void assertRefused(RawHttp.Reply reply, int status, String errorCode) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        JsonNode body = reply.json();
        assertThat(body).as(reply.body()).isNotNull();
        assertThat(body.get("error").isString()).isTrue();
        assertThat(body.get("message").isString()).isTrue();
        assertThat(body.get("error_code").asString()).isEqualTo(errorCode);
    }
}
