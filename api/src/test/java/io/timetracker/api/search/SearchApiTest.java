package io.timetracker.api.search;

import io.timetracker.api.support.ApiClient;
import io.timetracker.api.support.ApiClient.Response;
import io.timetracker.api.support.EndToEndTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

class SearchApiTest extends EndToEndTest {

    @Test
    void findsEachTypeByItsTextAndShowsTheContractsShape() {
        String word = word();
        long client = created(admin.post("/api/v1/clients", "{\"name\": \"%s Industries\"}".formatted(word)), "client");
        long project = created(admin.post("/api/v1/projects",
                "{\"name\": \"Redesign %s\", \"client_id\": %d, \"code\": \"%s\"}".formatted(word, client,
                        word.substring(0, 6))), "project");
        long task = created(admin.post("/api/v1/tasks",
                "{\"name\": \"Landing page\", \"project_id\": %d, \"description\": \"for %s\"}"
                        .formatted(project, word)), "task");
        long entry = created(admin.post("/api/v1/time-entries", """
                {"project_id": %d, "start_time": "2019-02-04T09:00:00Z", "end_time": "2019-02-04T10:00:00Z",
                 "notes": "Reviewed %s mockups"}""".formatted(project, word)), "time_entry");

        Response found = admin.get("/api/v1/search?q=%20" + word + "%20");

        assertThat(found.status()).as(found.raw()).isEqualTo(200);
        JsonNode body = found.body();
        assertThat(body.get("query").asString()).isEqualTo(word);
        assertThat(body.get("count").asInt()).isEqualTo(4);
        assertThat(body.get("partial").asBoolean()).isFalse();
        assertThat(body.get("errors").isObject()).isTrue();
        assertThat(typesAndIds(body)).containsExactlyInAnyOrder("client " + client, "project " + project,
                "task " + task, "entry " + entry);
        JsonNode projectHit = body.get("results").valueStream().filter(hit -> hit.get("type").asString()
                .equals("project")).findFirst().orElseThrow();
        assertThat(projectHit.get("category").asString()).isEqualTo("Projects");
        assertThat(projectHit.get("title").asString()).isEqualTo("Redesign " + word);
        assertThat(projectHit.get("badge").asString()).isEqualTo("active");
        assertThat(projectHit.has("description")).isTrue();
        JsonNode entryHit = body.get("results").valueStream().filter(hit -> hit.get("type").asString()
                .equals("entry")).findFirst().orElseThrow();
        assertThat(entryHit.get("title").asString()).isEqualTo("Reviewed " + word + " mockups");

        assertThat(typesAndIds(admin.get("/api/v1/search?q=%s&types=project,task".formatted(word)).body()))
                .containsExactlyInAnyOrder("project " + project, "task " + task);
    }

    @Test
    void partialWordsAndTyposAreFoundAndWholeWordsRankFirst() {
        String word = word();
        long client = created(admin.post("/api/v1/clients", "{\"name\": \"%s\"}".formatted(word())), "client");
        long exact = created(admin.post("/api/v1/projects",
                "{\"name\": \"%s\", \"client_id\": %d}".formatted(word, client)), "project");
        long longer = created(admin.post("/api/v1/projects",
                "{\"name\": \"%sment\", \"client_id\": %d}".formatted(word, client)), "project");

        assertThat(ids(admin.get("/api/v1/search?types=project&q=" + word).body())).containsExactly(exact, longer);
        assertThat(ids(admin.get("/api/v1/search?types=project&q=" + word.substring(0, 6)).body()))
                .contains(exact, longer);
        String typo = word.substring(0, 7) + (word.charAt(7) == 'z' ? 'y' : 'z');
        assertThat(ids(admin.get("/api/v1/search?types=project&q=" + typo).body())).contains(exact);
    }

    @Test
    void eachTypeShowsOnlyWhatTheCallerMaySee() {
        String word = word();
        long project = created(admin.post("/api/v1/projects", "{\"name\": \"%s\", \"client_id\": %d}"
                .formatted(word, created(admin.post("/api/v1/clients", "{\"name\": \"%s client\"}"
                        .formatted(word)), "client"))), "project");
        long userId = createUser("user");
        ApiClient user = admin.as(tokenFor(userId, "read:projects,read:time_entries,write:time_entries"));
        long own = created(user.post("/api/v1/time-entries", """
                {"project_id": %d, "start_time": "2019-03-04T09:00:00Z", "end_time": "2019-03-04T10:00:00Z",
                 "notes": "%s own"}""".formatted(project, word)), "time_entry");
        long others = created(admin.post("/api/v1/time-entries", """
                {"project_id": %d, "start_time": "2019-03-05T09:00:00Z", "end_time": "2019-03-05T10:00:00Z",
                 "notes": "%s other"}""".formatted(project, word)), "time_entry");

        // no read:clients, no read:tasks: those types find nothing; of the entries only the user's own
        assertThat(typesAndIds(user.get("/api/v1/search?q=" + word).body()))
                .containsExactlyInAnyOrder("project " + project, "entry " + own);
        assertThat(typesAndIds(admin.get("/api/v1/search?types=entry&q=" + word).body()))
                .containsExactlyInAnyOrder("entry " + own, "entry " + others);
    }

    @Test
    void theLimitHoldsPerTypeAndChangesShowAtOnce() {
        String word = word();
        long project = created(admin.post("/api/v1/projects", "{\"name\": \"%s\", \"client_id\": %d}"
                .formatted(word, created(admin.post("/api/v1/clients", "{\"name\": \"%s\"}".formatted(word())),
                        "client"))), "project");
        List<Long> tasks = List.of(1, 2, 3).stream().map(n -> created(admin.post("/api/v1/tasks",
                "{\"name\": \"%s step %d\", \"project_id\": %d}".formatted(word, n, project)), "task")).toList();

        JsonNode limited = admin.get("/api/v1/search?limit=2&q=" + word).body();
        assertThat(limited.get("results").valueStream().filter(hit -> hit.get("type").asString().equals("task")))
                .hasSize(2);
        assertThat(limited.get("count").asInt()).isEqualTo(3);

        assertThat(admin.delete("/api/v1/tasks/" + tasks.get(0)).status()).isEqualTo(200);
        String renamed = word();
        assertThat(admin.patch("/api/v1/projects/" + project, "{\"name\": \"%s\"}".formatted(renamed)).status())
                .isEqualTo(200);
        assertThat(ids(admin.get("/api/v1/search?types=task&q=" + word).body()))
                .containsExactlyInAnyOrder(tasks.get(1), tasks.get(2));
        assertThat(ids(admin.get("/api/v1/search?types=project&q=" + renamed).body())).containsExactly(project);
    }

    @Test
    void badParametersAreRefusedNamingThem() {
        ApiClient invalid = admin.sendingInvalidInput();
        assertRefused(invalid.get("/api/v1/search"), "q");
        assertRefused(invalid.get("/api/v1/search?q=%20a%20"), "q");
        assertRefused(invalid.get("/api/v1/search?q=ab&limit=0"), "limit");
        assertRefused(invalid.get("/api/v1/search?q=ab&limit=51"), "limit");
        assertRefused(invalid.get("/api/v1/search?q=ab&limit=ten"), "limit");
        assertRefused(invalid.get("/api/v1/search?q=ab&types=project,invoice"), "types");
        assertThat(admin.get("/api/v1/search?q=ab&limit=50&types=project,").status()).isEqualTo(200);
    }

    /** Eight random lower-case letters: a word no other test's data contains. */
    private static String word() {
        StringBuilder word = new StringBuilder();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 8; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }

    private static long created(Response response, String key) {
        assertThat(response.status()).as(response.raw()).isEqualTo(201);
        return response.body().get(key).get("id").asLong();
    }

    private static List<String> typesAndIds(JsonNode body) {
        return body.get("results").valueStream().map(hit -> hit.get("type").asString() + " " + hit.get("id").asLong())
                .toList();
    }

    private static List<Long> ids(JsonNode body) {
        return body.get("results").valueStream().map(hit -> hit.get("id").asLong()).toList();
    }

    private static void assertRefused(Response response, String field) {
        assertThat(response.status()).as(response.raw()).isEqualTo(400);
        assertThat(response.body().get("error_code").asString()).isEqualTo("validation_error");
        assertThat(response.body().get("errors").has(field)).as(response.raw()).isTrue();
    }
}
