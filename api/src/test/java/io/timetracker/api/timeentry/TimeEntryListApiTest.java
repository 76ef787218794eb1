package io.timetracker.api.timeentry;

import io.timetracker.api.support.ApiClient.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TimeEntryListApiTest extends TimeEntryTestSupport {

    /** One user's entries over two days: a (day 1, project A, billable, tag Urgent), b (day 1, project B,
     *  non-billable), c (day 2, client only, tags urgent+ops), and a running timer started later. */
    private record Fixture(Person user, long projectA, long projectB, long clientC, Instant day1, long a, long b,
                           long c, long running) {
    }

    private Fixture fixture() {
        Person user = newPerson();
        long projectA = newProject();
        long projectB = newProject();
        long clientC = createClient(unique("Client"));
        Instant day1 = freshDay();
        long a = created(user.api().post("/api/v1/time-entries", """
                {"project_id": %d, "start_time": "%s", "end_time": "%s", "tags": "Urgent"}"""
                .formatted(projectA, day1, day1.plusSeconds(3600))));
        long b = created(user.api().post("/api/v1/time-entries", """
                {"project_id": %d, "start_time": "%s", "end_time": "%s", "billable": false}"""
                .formatted(projectB, day1.plusSeconds(3600), day1.plusSeconds(7200))));
        long c = created(user.api().post("/api/v1/time-entries", """
                {"client_id": %d, "start_time": "%s", "end_time": "%s", "tags": "urgent,ops"}"""
                .formatted(clientC, day1.plusSeconds(86400), day1.plusSeconds(90000))));
        long running = created(user.api().post("/api/v1/time-entries", """
                {"project_id": %d, "start_time": "%s"}""".formatted(projectA, day1.plusSeconds(2 * 86400))));
        return new Fixture(user, projectA, projectB, clientC, day1, a, b, c, running);
    }

    @Test
    void theDefaultListShowsTheCallersCompletedEntriesNewestFirst() {
        Fixture f = fixture();

        Response list = f.user().api().get("/api/v1/time-entries");

        assertThat(list.status()).isEqualTo(200);
        assertThat(ids(list)).containsExactly(f.c(), f.b(), f.a());
        JsonNode pagination = list.body().get("pagination");
        assertThat(pagination.get("total").asLong()).isEqualTo(3);
        assertThat(pagination.get("page").asInt()).isEqualTo(1);
        assertThat(pagination.get("per_page").asInt()).isEqualTo(50);
        assertThat(pagination.get("pages").asLong()).isEqualTo(1);
        assertThat(pagination.get("has_next").asBoolean()).isFalse();
        assertThat(pagination.get("next_page").isNull()).isTrue();
        assertThat(ids(f.user().api().get("/api/v1/time-entries?include_active=true")))
                .containsExactly(f.running(), f.c(), f.b(), f.a());
    }

    @Test
    void everyFilterNarrowsTheList() {
        Fixture f = fixture();
        String day1 = LocalDate.ofInstant(f.day1(), ZoneOffset.UTC).toString();
        String day2 = LocalDate.ofInstant(f.day1().plusSeconds(86400), ZoneOffset.UTC).toString();

        assertThat(ids(f.user().api().get("/api/v1/time-entries?project_id=" + f.projectA()))).containsExactly(f.a());
        assertThat(ids(f.user().api().get("/api/v1/time-entries?project_id=" + f.projectA() + "&include_active=1")))
                .containsExactly(f.running(), f.a());
        assertThat(ids(f.user().api().get("/api/v1/time-entries?client_id=" + f.clientC()))).containsExactly(f.c());
        assertThat(ids(f.user().api().get("/api/v1/time-entries?billable=false"))).containsExactly(f.b());
        assertThat(ids(f.user().api().get("/api/v1/time-entries?billable=true"))).containsExactly(f.c(), f.a());
        assertThat(ids(f.user().api().get("/api/v1/time-entries?tags=urgent"))).containsExactly(f.c(), f.a());
        assertThat(ids(f.user().api().get("/api/v1/time-entries?tags=URGENT,ops"))).containsExactly(f.c());
        assertThat(ids(f.user().api().get("/api/v1/time-entries?start_date=" + day1 + "&end_date=" + day1)))
                .containsExactly(f.b(), f.a());
        assertThat(ids(f.user().api().get("/api/v1/time-entries?start_date=" + day2))).containsExactly(f.c());
        assertThat(ids(f.user().api().get("/api/v1/time-entries?end_date=" + f.day1().plusSeconds(3600))))
                .containsExactly(f.b(), f.a());
        assertThat(ids(f.user().api().get("/api/v1/time-entries?task_id=987654321"))).isEmpty();
    }

    @Test
    void pagesAreStableAndAPagePastTheEndIsEmpty() {
        Fixture f = fixture();

        Response first = f.user().api().get("/api/v1/time-entries?per_page=2");
        Response second = f.user().api().get("/api/v1/time-entries?per_page=2&page=2");
        Response beyond = f.user().api().get("/api/v1/time-entries?per_page=2&page=5");

        assertThat(ids(first)).containsExactly(f.c(), f.b());
        JsonNode pagination = first.body().get("pagination");
        assertThat(pagination.get("total").asLong()).isEqualTo(3);
        assertThat(pagination.get("pages").asLong()).isEqualTo(2);
        assertThat(pagination.get("has_next").asBoolean()).isTrue();
        assertThat(pagination.get("next_page").asInt()).isEqualTo(2);
        assertThat(ids(second)).containsExactly(f.a());
        assertThat(second.body().get("pagination").get("prev_page").asInt()).isEqualTo(1);
        assertThat(beyond.status()).isEqualTo(200);
        assertThat(ids(beyond)).isEmpty();
        assertThat(beyond.body().get("pagination").get("total").asLong()).isEqualTo(3);
    }

    @Test
    void totalsFollowCreatesStopsAndDeletes() {
        Fixture f = fixture();
        assertThat(total(f.user(), "per_page=1")).isEqualTo(3);
        assertThat(total(f.user(), "per_page=1&include_active=true")).isEqualTo(4);

        assertThat(f.user().api().post("/api/v1/timer/stop", null).status()).isEqualTo(200);
        assertThat(total(f.user(), "per_page=1")).isEqualTo(4);
        assertThat(total(f.user(), "per_page=1&include_active=true")).isEqualTo(4);

        assertThat(f.user().api().delete("/api/v1/time-entries/" + f.a()).status()).isEqualTo(200);
        assertThat(total(f.user(), "per_page=1")).isEqualTo(3);
        assertThat(total(f.user(), "per_page=1&billable=true")).isEqualTo(2);
    }

    @Test
    void nonAdminsListOnlyTheirOwnEntriesAdminsListAnyones() {
        Fixture f = fixture();
        Person other = newPerson();
        Instant start = f.day1();
        long others = created(other.api().post("/api/v1/time-entries", entry(f.projectA(), start, start.plusSeconds(60))));

        assertThat(ids(other.api().get("/api/v1/time-entries?project_id=" + f.projectA()))).containsExactly(others);
        assertThat(ids(other.api().get("/api/v1/time-entries?user_id=" + other.id()))).containsExactly(others);
        assertError(other.api().get("/api/v1/time-entries?user_id=" + f.user().id()), 403, "forbidden");
        assertThat(ids(admin.get("/api/v1/time-entries?user_id=" + f.user().id()))).containsExactly(f.c(), f.b(), f.a());
        assertThat(ids(admin.get("/api/v1/time-entries?project_id=" + f.projectA())))
                .containsExactlyInAnyOrder(f.a(), others);
    }

    @Test
    void malformedFiltersAreValidationErrors() {
        Person user = newPerson();

        for (String query : List.of("billable=maybe", "include_active=sometimes", "start_date=yesterday",
                "end_date=2025-13-01", "project_id=abc", "page=-1", "per_page=x")) {
            Response response = user.api().sendingInvalidInput().get("/api/v1/time-entries?" + query);
            assertError(response, 400, "validation_error");
            assertThat(response.body().get("errors").has(query.substring(0, query.indexOf('=')))).as(query).isTrue();
        }
    }

    private static long total(Person person, String query) {
        Response list = person.api().get("/api/v1/time-entries?" + query);
        assertThat(list.status()).as(list.raw()).isEqualTo(200);
        return list.body().get("pagination").get("total").asLong();
    }

    private static List<Long> ids(Response list) {
        assertThat(list.status()).as(list.raw()).isEqualTo(200);
        return list.body().get("time_entries").valueStream().map(entry -> entry.get("id").asLong()).toList();
    }
}
