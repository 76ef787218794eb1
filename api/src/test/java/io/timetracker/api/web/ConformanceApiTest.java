package io.timetracker.api.web;

import io.timetracker.api.support.ApiClient;
import io.timetracker.api.support.ApiClient.Response;
import io.timetracker.api.support.EndToEndTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Contract §1: the conventions every endpoint shares, checked as a REST client sees them. */
class ConformanceApiTest extends EndToEndTest {

    private static final List<String> PAGINATION_KEYS = List.of("page", "per_page", "total", "pages", "has_next",
            "has_prev", "next_page", "prev_page");

    @Test
    void singleListCreateUpdateAndDeleteUseTheContractEnvelopes() {
        String name = unique("Envelope");
        Response created = admin.post("/api/v1/clients", "{\"name\": \"%s\"}".formatted(name));
        long id = created.body().get("client").get("id").asLong();

        assertThat(created.body().propertyNames()).containsExactly("message", "client");
        assertThat(admin.get("/api/v1/clients/" + id).body().propertyNames()).containsExactly("client");
        assertThat(admin.get("/api/v1/clients").body().propertyNames()).containsExactly("clients", "pagination");
        assertThat(admin.patch("/api/v1/clients/" + id, "{\"phone\": \"1\"}").body().propertyNames())
                .containsExactly("message", "client");
        assertThat(admin.delete("/api/v1/clients/" + id).body().propertyNames()).containsExactly("message");
    }

    @Test
    void listsArePaginatedWithAllEightKeys() {
        long clientId = createClient(unique("Paged"));
        for (int i = 0; i < 3; i++) {
            createProject(unique("Paged project"), clientId);
        }
        String list = "/api/v1/projects?client_id=" + clientId;

        JsonNode first = admin.get(list + "&per_page=2").body();
        JsonNode second = admin.get(list + "&per_page=2&page=2").body();

        assertThat(first.get("projects")).hasSize(2);
        assertPagination(first.get("pagination"), 1, 2, 3, 2, true, false, 2, null);
        assertThat(second.get("projects")).hasSize(1);
        assertPagination(second.get("pagination"), 2, 2, 3, 2, false, true, null, 1);
        assertPagination(admin.get(list).body().get("pagination"), 1, 50, 3, 1, false, false, null, null);
    }

    @Test
    void aPagePastTheEndIsAnEmptyListNotAnError() {
        long clientId = createClient(unique("Short list"));
        createProject(unique("Only"), clientId);

        Response past = admin.get("/api/v1/projects?client_id=" + clientId + "&page=7");

        assertThat(past.status()).isEqualTo(200);
        assertThat(past.body().get("projects")).isEmpty();
        assertPagination(past.body().get("pagination"), 7, 50, 1, 1, false, true, null, 6);
    }

    @Test
    void perPageIsClampedToOneToAHundred() {
        assertThat(admin.get("/api/v1/clients?per_page=1000").body().get("pagination").get("per_page").asInt())
                .isEqualTo(100);
        assertThat(admin.get("/api/v1/clients?per_page=0").body().get("pagination").get("per_page").asInt())
                .isEqualTo(1);
        assertThat(admin.get("/api/v1/users?per_page=500").body().get("pagination").get("per_page").asInt())
                .isEqualTo(100);
    }

    @Test
    void nonNumericOrNegativePagingIsAValidationError() {
        for (String query : List.of("page=abc", "page=-1", "per_page=x", "per_page=-5", "page=1.5")) {
            Response bad = invalidInput().get("/api/v1/projects?" + query);

            assertThat(bad.status()).as(query).isEqualTo(400);
            assertThat(bad.body().get("error_code").asString()).isEqualTo("validation_error");
            assertThat(bad.body().get("errors").has(query.substring(0, query.indexOf('=')))).as(query).isTrue();
        }
    }

    @Test
    void anUnknownRouteIsA404InTheErrorShape() {
        Response missing = invalidInput().get("/api/v1/no-such-thing");

        assertThat(missing.status()).isEqualTo(404);
        assertErrorShape(missing, "not_found");
    }

    @Test
    void aWrongMethodIs405WithAllow() {
        Response wrong = invalidInput().delete("/api/v1/projects");

        assertThat(wrong.status()).isEqualTo(405);
        assertErrorShape(wrong, "method_not_allowed");
        assertThat(wrong.header("Allow")).contains("GET").contains("POST");
    }

    @Test
    void malformedJsonIsABadRequest() {
        Response malformed = invalidInput().post("/api/v1/clients", "{\"name\": ");

        assertThat(malformed.status()).isEqualTo(400);
        assertErrorShape(malformed, "bad_request");
    }

    @Test
    void jsonThatIsNotAnObjectIsABadRequest() {
        for (String body : List.of("[{\"name\": \"x\"}]", "\"a string\"", "42", "null")) {
            Response notAnObject = invalidInput().post("/api/v1/clients", body);

            assertThat(notAnObject.status()).as(body).isEqualTo(400);
            assertErrorShape(notAnObject, "bad_request");
        }
    }

    @Test
    void aFieldOfTheWrongTypeIsAValidationErrorNamingIt() {
        Response wrong = invalidInput().post("/api/v1/projects",
                "{\"name\": \"%s\", \"client_id\": \"seven\", \"billable\": 3}"
                .formatted(unique("Typed")));

        assertThat(wrong.status()).isEqualTo(400);
        assertErrorShape(wrong, "validation_error");
        assertThat(wrong.body().get("errors").propertyNames()).containsExactlyInAnyOrder("client_id", "billable");
    }

    @Test
    void oddInputIsNeverAServerError() {
        long clientId = createClient(unique("Odd"));
        Map<String, String> oddFields = Map.of(
                "hourly_rate", "1e400",
                "budget_amount", "1e20",
                "estimated_hours", "\"NaN\"",
                "client_id", "99999999999999999999",
                "manager_id", "1.5",
                "description", "{\"nested\": [1, 2]}",
                "code", "[\"A\"]");
        oddFields.forEach((field, value) -> {
            Response odd = invalidInput().post("/api/v1/projects", "{\"name\": \"%s\", \"client_id\": %d, \"%s\": %s}"
                    .formatted(unique("Odd"), clientId, field, value));

            assertThat(odd.status()).as(field + "=" + value).isEqualTo(400);
            assertThat(odd.body().get("errors").has(field)).as(odd.raw()).isTrue();
        });
        Response badId = invalidInput().get("/api/v1/projects/abc");
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.body().get("errors").has("id")).isTrue();
        assertThat(invalidInput().get("/api/v1/projects/99999999999999999999").status()).isEqualTo(400);
        assertThat(invalidInput().get("/api/v1/projects?client_id=-1").status()).isEqualTo(400);
        Response badEtag = invalidInput().withHeader("If-Match", "yesterday")
                .patch("/api/v1/clients/" + clientId, "{}");
        assertThat(badEtag.status()).isEqualTo(400);
        assertErrorShape(badEtag, "bad_request");
        Response farPage = invalidInput().get("/api/v1/projects?page=99999999999");
        assertThat(farPage.status()).isEqualTo(200);
        assertThat(farPage.body().get("projects")).isEmpty();
    }

    @Test
    void aBodyOverTheLimitIs413() {
        String huge = "{\"name\": \"" + "x".repeat(1_100_000) + "\"}";

        Response tooLarge = invalidInput().post("/api/v1/clients", huge);

        assertThat(tooLarge.status()).isEqualTo(413);
        assertErrorShape(tooLarge, "payload_too_large");
    }

    @Test
    void aBodyThatIsNotJsonIs415() {
        Response form = invalidInput().withHeader("Content-Type", "application/x-www-form-urlencoded")
                .post("/api/v1/clients", "name=Acme");
        Response xml = invalidInput().withHeader("Content-Type", "application/xml")
                .post("/api/v1/clients", "<client/>");

        assertThat(form.status()).isEqualTo(415);
        assertErrorShape(form, "unsupported_media_type");
        assertThat(xml.status()).isEqualTo(415);
    }

    @Test
    void anEmptyBodyIsAnEmptyObjectWhateverTheContentType() {
        Response withJsonType = invalidInput().withHeader("Content-Type", "application/json")
                .send("POST", "/api/v1/clients", null);
        Response withoutType = invalidInput().send("POST", "/api/v1/clients", null);
        Response withTextType = invalidInput().withHeader("Content-Type", "text/plain").post("/api/v1/clients", "");

        for (Response empty : List.of(withJsonType, withoutType, withTextType)) {
            assertThat(empty.status()).isEqualTo(400);
            assertErrorShape(empty, "validation_error");
            assertThat(empty.body().get("errors").propertyNames()).containsExactly("name");
        }
    }

    @Test
    void integerFieldsAcceptDigitStrings() {
        long clientId = createClient(unique("Digits"));

        Response created = invalidInput().post("/api/v1/projects", "{\"name\": \"%s\", \"client_id\": \"%d\"}"
                .formatted(unique("Digit project"), clientId));

        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        assertThat(created.body().get("project").get("client_id").asLong()).isEqualTo(clientId);
    }

    @Test
    void unknownFieldsAreIgnoredAndNamed() {
        Response created = invalidInput().post("/api/v1/clients", "{\"name\": \"%s\", \"nmae\": 1, \"colour\": \"red\"}"
                .formatted(unique("Typo")));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("X-Ignored-Fields")).isEqualTo("nmae,colour");
    }

    @Test
    void unknownQueryParametersAreIgnored() {
        assertThat(admin.get("/api/v1/projects?colour=red&sort=whatever").status()).isEqualTo(200);
    }

    @Test
    void aJsonContentTypeOnGetAndDeleteIsFine() {
        long id = createClient(unique("Typed GET"));
        ApiClient json = admin.withHeader("Content-Type", "application/json");

        assertThat(json.get("/api/v1/clients/" + id).status()).isEqualTo(200);
        assertThat(json.delete("/api/v1/clients/" + id).status()).isEqualTo(200);
    }

    @Test
    void aSaneRequestIdIsEchoedOnEveryResponse() {
        ApiClient traced = admin.withHeader("X-Request-ID", "trace-42.a:b_c");

        assertThat(traced.get("/api/v1/clients").header("X-Request-ID")).isEqualTo("trace-42.a:b_c");
        assertThat(traced.sendingInvalidInput().get("/api/v1/no-such-thing").header("X-Request-ID"))
                .isEqualTo("trace-42.a:b_c");
        assertThat(traced.as(null).sendingInvalidInput().get("/api/v1/clients").header("X-Request-ID"))
                .isEqualTo("trace-42.a:b_c");
        Response invalid = traced.sendingInvalidInput().post("/api/v1/clients", "{}");
        assertThat(invalid.header("X-Request-ID")).isEqualTo("trace-42.a:b_c");
        assertThat(invalid.body().get("request_id").asString()).isEqualTo("trace-42.a:b_c");
    }

    @Test
    void anInsaneOrMissingRequestIdIsReplacedByAGeneratedOne() {
        Response insane = admin.withHeader("X-Request-ID", "spaces and <tags>").get("/api/v1/clients");
        Response tooLong = admin.withHeader("X-Request-ID", "x".repeat(300)).get("/api/v1/clients");
        Response unauthorized = admin.as(null).sendingInvalidInput().get("/api/v1/clients");
        Response none = admin.get("/api/v1/clients");

        assertThat(insane.header("X-Request-ID")).isNotBlank().isNotEqualTo("spaces and <tags>");
        assertThat(tooLong.header("X-Request-ID")).isNotBlank().hasSizeLessThan(300);
        assertThat(unauthorized.status()).isEqualTo(401);
        assertThat(unauthorized.header("X-Request-ID")).isNotBlank();
        assertThat(none.header("X-Request-ID")).isNotBlank()
                .isNotEqualTo(admin.get("/api/v1/clients").header("X-Request-ID"));
    }

    @Test
    void singleResourcesCarryAnEtagAndAStaleIfMatchIsAConflict() {
        long id = createClient(unique("Etag"));
        Response fetched = admin.get("/api/v1/clients/" + id);
        assertThat(fetched.header("ETag")).isEqualTo("\"0\"");
        admin.patch("/api/v1/clients/" + id, "{\"phone\": \"1\"}");

        Response stale = admin.withHeader("If-Match", fetched.header("ETag"))
                .patch("/api/v1/clients/" + id, "{\"phone\": \"2\"}");
        Response current = admin.withHeader("If-Match", "\"1\"").patch("/api/v1/clients/" + id, "{\"phone\": \"3\"}");

        assertThat(stale.status()).isEqualTo(409);
        assertErrorShape(stale, "conflict");
        assertThat(current.status()).isEqualTo(200);
        assertThat(current.header("ETag")).isEqualTo("\"2\"");
    }

    @Test
    void createsAnswer201WithLocation() {
        Response created = admin.post("/api/v1/clients", "{\"name\": \"%s\"}".formatted(unique("Located")));

        assertThat(created.status()).isEqualTo(201);
        assertThat(admin.get(created.header("Location")).body().get("client").get("id").asLong())
                .isEqualTo(created.body().get("client").get("id").asLong());
    }

    @Test
    void dateTimesCarryAnOffset() {
        JsonNode client = admin.post("/api/v1/clients", "{\"name\": \"%s\"}".formatted(unique("Dated")))
                .body().get("client");

        for (String field : List.of("created_at", "updated_at")) {
            String value = client.get(field).asString();
            assertThat(value).matches(".*T.*(Z|[+-]\\d\\d:\\d\\d)$");
            assertThat(OffsetDateTime.parse(value)).isNotNull();
        }
    }

    @Test
    void infoIsPublicAndComplete() {
        Response info = admin.as(null).get("/api/v1/info");

        assertThat(info.status()).isEqualTo(200);
        JsonNode body = info.body();
        assertThat(body.get("api_version").asString()).isEqualTo("v1");
        assertThat(body.get("app_version").asString()).isNotBlank();
        assertThat(body.get("setup_required").isBoolean()).isTrue();
        assertThat(body.get("setup_required").asBoolean()).isFalse();
        assertThat(body.get("timezone").asString()).isEqualTo("UTC");
        assertThat(body.get("enabled_modules").isArray()).isTrue();
        assertThat(body.get("enabled_modules").valueStream().map(JsonNode::asString)).contains("projects", "clients");
        assertThat(body.get("documentation_url").asString()).isNotBlank();
        assertThat(body.get("authentication").isObject()).isTrue();
        assertThat(body.get("endpoints").isObject()).isTrue();
        assertThat(body.get("endpoints").get("projects").asString()).isEqualTo("/api/v1/projects");
    }

    @Test
    void healthIsPublic() {
        Response health = admin.as(null).get("/api/v1/health");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().get("status").asString()).isEqualTo("healthy");
        assertThat(OffsetDateTime.parse(health.body().get("timestamp").asString())).isNotNull();
    }

    @Test
    void theOpenApiDocumentListsOurPathsWithoutAToken() {
        Response document = admin.as(null).get("/api/openapi.json");

        assertThat(document.status()).isEqualTo(200);
        assertThat(document.body().get("openapi").asString()).startsWith("3.");
        assertThat(document.body().get("info").get("title").asString()).isEqualTo("TimeTracker API");
        assertThat(document.body().get("paths").propertyNames())
                .contains("/api/v1/projects", "/api/v1/projects/{id}", "/api/v1/clients", "/api/v1/info");
    }

    @Test
    void swaggerUiIsServedWithoutAToken() {
        ApiClient anonymous = admin.as(null);
        Response docs = anonymous.get("/api/docs");
        Response page = docs.status() / 100 == 3 ? anonymous.get(docs.header("Location")) : docs;

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.raw()).containsIgnoringCase("swagger-ui");
    }

    private static void assertErrorShape(Response response, String errorCode) {
        JsonNode body = response.body();
        assertThat(body).as("JSON body of " + response.raw()).isNotNull();
        assertThat(body.get("error_code").asString()).isEqualTo(errorCode);
        assertThat(body.get("error").asString()).isNotBlank();
        assertThat(body.get("message").asString()).isNotBlank();
        assertThat(response.header("Content-Type")).startsWith("application/json");
        assertThat(response.header("X-Request-ID")).isNotBlank();
        assertThat(body.has("errors")).isEqualTo("validation_error".equals(errorCode));
    }

    private static void assertPagination(JsonNode pagination, int page, int perPage, int total, int pages,
                                         boolean hasNext, boolean hasPrev, Integer nextPage, Integer prevPage) {
        assertThat(pagination.propertyNames()).containsExactlyInAnyOrderElementsOf(PAGINATION_KEYS);
        assertThat(pagination.get("page").asInt()).isEqualTo(page);
        assertThat(pagination.get("per_page").asInt()).isEqualTo(perPage);
        assertThat(pagination.get("total").asInt()).isEqualTo(total);
        assertThat(pagination.get("pages").asInt()).isEqualTo(pages);
        assertThat(pagination.get("has_next").asBoolean()).isEqualTo(hasNext);
        assertThat(pagination.get("has_prev").asBoolean()).isEqualTo(hasPrev);
        assertThat(pagination.get("next_page").isNull() ? null : pagination.get("next_page").asInt())
                .isEqualTo(nextPage);
        assertThat(pagination.get("prev_page").isNull() ? null : pagination.get("prev_page").asInt())
                .isEqualTo(prevPage);
    }

    /** The admin for requests that break the OpenAPI document on purpose, as these conformance checks do. */
    private ApiClient invalidInput() {
        return admin.sendingInvalidInput();
    }
}
