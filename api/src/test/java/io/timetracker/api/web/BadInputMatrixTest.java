package io.timetracker.api.web;

import io.timetracker.api.support.ApiClient;
import io.timetracker.api.support.ApiClient.Response;
import io.timetracker.api.support.EndToEndTest;
import io.timetracker.api.support.Endpoints;
import io.timetracker.api.support.Endpoints.Endpoint;
import io.timetracker.api.support.RouteFixtures;
import io.timetracker.api.support.WrittenState;
import io.timetracker.api.auth.RouteTable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Bad input on every write route of the route table is a 4xx in the contract's error shape, never a 500, and
 * leaves nothing behind. Each case is a valid request ({@link RouteFixtures}) with one thing wrong: a body that is
 * no JSON object, or one field holding a value of the wrong kind for its type (wrong types, NUL and control
 * characters, unpaired surrogates, over-long text, numbers beyond any column, impossible dates and dates outside
 * PostgreSQL's range, ids beyond {@code long}), or null where a value is required. Ids in the path beyond
 * {@code long} are refused as well.
 */
class BadInputMatrixTest extends EndToEndTest {

    /** The values that are wrong for every field of a type, as raw JSON. */
    private static final Map<String, List<String>> HOSTILE = Map.of(
            "text", List.of("{}", "[\"a\"]", "true", "1.5e400", "\"\\u0000\"", "\"a\\u0007b\"", "\"\\ud800\"",
                    "\"" + "x".repeat(100_001) + "\""),
            "id", List.of("\"seven\"", "1.5", "99999999999999999999", "-1", "{}", "true", "\"\\u0000\""),
            "integer", List.of("\"many\"", "99999999999999999999", "1.5", "{}", "[1]"),
            "decimal", List.of("\"lots\"", "1e400", "1e999999999", "-1", "{}", "\"NaN\"", "true"),
            "boolean", List.of("\"maybe\"", "2", "{}", "[]"),
            "datetime", List.of("\"2024-02-30T10:00:00Z\"", "\"99999-01-01T00:00:00Z\"", "\"+300000-01-01T00:00:00Z\"",
                    "\"0001-01-01T00:00:00Z\"", "\"-004713-11-24T00:00:00Z\"", "\"yesterday\"", "1700000000", "{}"),
            "date", List.of("\"2024-02-30\"", "\"+300000-01-01\"", "\"0001-01-01\"", "20240101", "{}"),
            "strings", List.of("[{}]", "[1]", "\"\\u0000\"", "[\"\\u0000\"]", "[\"\\ud800\"]", "{}"),
            "ids", List.of("[\"one\"]", "[99999999999999999999]", "\"1,2\"", "{}", "[1.5]"),
            "object", List.of("\"text\"", "[]", "{\"k\": \"\\u0000\"}", "{\"\\u0000\": 1}", "{\"n\": 1e999999999}",
                    "{\"k\": \"\\ud800\"}"));

    /** Every body field of the API by type: one name, one type, across all endpoints. */
    private static final Map<String, String> FIELD_TYPES = fieldTypes(
            "text", "name description contact_person company phone address billing_ref code notes invoice_number "
                    + "username password full_name timezone date_format time_format reason role status priority "
                    + "source action email comment first_name last_name mobile title department company_name currency_code "
                    + "stage",
            "id", "client_id project_id task_id user_id manager_id assigned_to contact_id lead_id owner_id",
            "integer", "break_seconds budget_threshold_percent expires_days probability score",
            "decimal", "default_hourly_rate hourly_rate estimated_hours budget_amount estimated_value",
            "boolean", "billable paid is_active value is_primary",
            "datetime", "start_time end_time expires_at if_updated_at",
            "date", "due_date expected_close_date",
            "strings", "scopes tags ip_whitelist read_models",
            "ids", "entry_ids approver_ids approval_ids",
            "object", "custom_fields");

    /** Where a field name means something else on some routes (a deal's {@code value} is money). */
    private static final Map<String, Map<String, String>> FIELD_TYPES_BY_ROUTE = Map.of(
            "/api/v1/deals", Map.of("value", "decimal"));

    @Autowired
    RouteTable routes;

    @Autowired
    JdbcTemplate jdbc;

    @TestFactory
    Stream<DynamicTest> everyWriteRouteRefusesBadInputAndWritesNothing() {
        ApiClient actor = newCaller("admin", "admin:all").sendingInvalidInput();
        RouteFixtures fixtures = new RouteFixtures(actor);
        List<DynamicTest> tests = new ArrayList<>();
        for (Endpoint endpoint : Endpoints.writesOf(routes)) {
            RouteFixtures.Write valid = fixtures.write(endpoint.method(), endpoint.pattern());
            for (String body : List.of("{\"name\": ", "[{\"name\": \"x\"}]", "\"a string\"", "42", "{\"a\": 1,}")) {
                tests.add(DynamicTest.dynamicTest(endpoint + " with the body " + body, () ->
                        assertRefusedWithoutTrace(() -> actor.send(endpoint.method(), valid.path(), body),
                                "bad_request")));
            }
            for (String field : valid.fields().keySet()) {
                String type = typeOf(endpoint, field);
                if (type == null) {
                    fail("BadInputMatrixTest does not know the type of '" + field + "' (" + endpoint + "): add it");
                }
                List<String> values = new ArrayList<>(HOSTILE.get(type));
                if (valid.required().contains(field)) {
                    values.add("null");
                }
                for (String value : values) {
                    // One valid request per route serves all its cases: a refused case leaves it as it was.
                    tests.add(DynamicTest.dynamicTest(endpoint + " with " + field + " = " + abbreviated(value), () ->
                            assertRefusedWithoutTrace(() -> actor.send(endpoint.method(), valid.path(),
                                    valid.bodyWith(field, value)), null)));
                }
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> anIdBeyondLongInThePathIsRefused() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Endpoint endpoint : Endpoints.of(routes)) {
            if (endpoint.pattern().contains("{")) {
                String path = endpoint.pattern().replaceAll("\\{[^}]+}", "99999999999999999999");
                tests.add(DynamicTest.dynamicTest(endpoint + " with an id beyond long", () -> {
                    Response refused = admin.sendingInvalidInput().send(endpoint.method(), path,
                            endpoint.isWrite() ? "{}" : null);
                    assertThat(refused.status()).as(refused.raw()).isEqualTo(400);
                    assertErrorShape(refused, "validation_error");
                }));
            }
        }
        return tests.stream();
    }

    private void assertRefusedWithoutTrace(Supplier<Response> request, String errorCode) {
        WrittenState before = WrittenState.of(jdbc);
        Response refused = request.get();
        assertThat(refused.status()).as(refused.raw()).isBetween(400, 499);
        assertErrorShape(refused, errorCode);
        assertThat(WrittenState.of(jdbc)).as("written by " + refused.raw()).isEqualTo(before);
    }

    private static void assertErrorShape(Response refused, String errorCode) {
        assertThat(refused.body()).as(refused.raw()).isNotNull();
        assertThat(refused.body().get("error").isString()).isTrue();
        assertThat(refused.body().get("message").isString()).isTrue();
        assertThat(refused.body().get("request_id").isString()).isTrue();
        if (errorCode != null) {
            assertThat(refused.body().get("error_code").asString()).isEqualTo(errorCode);
        } else {
            assertThat(refused.body().get("error_code").isString()).isTrue();
        }
    }

    private static String typeOf(Endpoint endpoint, String field) {
        return FIELD_TYPES_BY_ROUTE.entrySet().stream()
                .filter(route -> endpoint.pattern().startsWith(route.getKey()) && route.getValue().containsKey(field))
                .map(route -> route.getValue().get(field)).findFirst().orElse(FIELD_TYPES.get(field));
    }

    private static String abbreviated(String value) {
        return value.length() > 40 ? value.substring(0, 20) + "…(" + value.length() + " characters)" : value;
    }

    private static Map<String, String> fieldTypes(String... typesAndNames) {
        Map<String, String> types = new LinkedHashMap<>();
        for (int i = 0; i < typesAndNames.length; i += 2) {
            for (String name : typesAndNames[i + 1].split(" ")) {
                types.put(name, typesAndNames[i]);
            }
        }
        return types;
    }
}
