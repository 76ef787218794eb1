package io.timetracker.api.report;

import io.timetracker.api.support.ApiClient;
import io.timetracker.api.support.ApiClient.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReportSummaryApiTest extends ReportTestSupport {

    private static final String MARCH = "start_date=2024-03-01&end_date=2024-03-31";

    @Test
    void totalsByProjectAndTheRevenueAtTheProjectsRateElseTheClientsDefault() {
        Person person = newPerson();
        long client = newClient("100");
        long rated = newProject(client, "150");
        long unrated = newProject(client, "null");
        book(person, rated, "2024-03-04T09:00:00", "2024-03-04T11:00:00", true);
        book(person, rated, "2024-03-05T09:00:00", "2024-03-05T09:30:00", false);
        book(person, unrated, "2024-03-06T09:00:00", "2024-03-06T10:00:00", true);
        book(person, unrated, "2024-04-01T09:00:00", "2024-04-01T10:00:00", true);

        Response report = person.api().get("/api/v1/reports/summary?" + MARCH);

        assertThat(report.status()).as(report.raw()).isEqualTo(200);
        JsonNode body = report.body();
        assertThat(body.get("total_hours").asDouble()).isEqualTo(3.5);
        assertThat(body.get("billable_hours").asDouble()).isEqualTo(3.0);
        assertThat(body.get("estimated_revenue").asDouble()).isEqualTo(2 * 150 + 100);
        JsonNode summary = body.get("summary");
        assertThat(summary.get("start_date").asString()).isEqualTo("2024-03-01");
        assertThat(summary.get("end_date").asString()).isEqualTo("2024-03-31");
        assertThat(summary.get("total_hours").asDouble()).isEqualTo(3.5);
        assertThat(summary.get("billable_hours").asDouble()).isEqualTo(3.0);
        assertThat(summary.get("total_entries").asLong()).isEqualTo(3);
        JsonNode byProject = summary.get("by_project");
        assertThat(byProject).hasSize(2);
        assertThat(byProject.get(0).get("project_id").asLong()).isEqualTo(rated);
        assertThat(byProject.get(0).get("hours").asDouble()).isEqualTo(2.5);
        assertThat(byProject.get(0).get("entries").asLong()).isEqualTo(2);
        assertThat(byProject.get(0).get("project_name").isString()).isTrue();
        assertThat(byProject.get(1).get("project_id").asLong()).isEqualTo(unrated);
        assertThat(body.get("group_by").asString()).isEqualTo("project");
        assertThat(body.get("groups").get(0).get("key").asLong()).isEqualTo(rated);
    }

    @Test
    void groupsByEveryGroupingOfTheContract() {
        Person person = newPerson();
        long client = newClient("null");
        long project = newProject(client, "80");
        book(person, project, "2024-03-04T09:00:00", "2024-03-04T10:00:00", true);
        book(person, project, "2024-03-05T09:00:00", "2024-03-05T11:00:00", true);
        book(person, project, "2024-03-12T09:00:00", "2024-03-12T12:00:00", true);
        String range = "/api/v1/reports/summary?start_date=2024-03-01&end_date=2024-04-30&group_by=";

        assertThat(labelsAndHours(person.api().get(range + "day")))
                .containsExactly("2024-03-04=1.0", "2024-03-05=2.0", "2024-03-12=3.0");
        assertThat(labelsAndHours(person.api().get(range + "week")))
                .containsExactly("2024-W10=3.0", "2024-W11=3.0");
        assertThat(person.api().get(range + "week").body().get("groups").get(0).get("key").asString())
                .isEqualTo("2024-03-04");
        assertThat(labelsAndHours(person.api().get(range + "month"))).containsExactly("2024-03=6.0");
        JsonNode byUser = person.api().get(range + "user").body().get("groups");
        assertThat(byUser).hasSize(1);
        assertThat(byUser.get(0).get("key").asLong()).isEqualTo(person.id());
        JsonNode byClient = person.api().get(range + "client").body().get("groups");
        assertThat(byClient.get(0).get("key").asLong()).isEqualTo(client);
        JsonNode byTask = person.api().get(range + "task").body().get("groups");
        assertThat(byTask.get(0).get("key").isNull()).isTrue();
        assertThat(byTask.get(0).get("entries").asLong()).isEqualTo(3);
    }

    @Test
    void everyonesReportByDayAddsUpTheirProjectsAndClientsPerDay() {
        Person first = newPerson();
        Person second = newPerson();
        long client = newClient("100");
        long rated = newProject(client, "150");
        long unrated = newProject(client, "null");
        book(first, rated, "2024-03-04T09:00:00", "2024-03-04T11:00:00", true);
        book(second, unrated, "2024-03-04T09:00:00", "2024-03-04T10:00:00", true);
        book(second, rated, "2024-03-05T09:00:00", "2024-03-05T09:30:00", false);
        book(first, unrated, "2024-03-12T09:00:00", "2024-03-12T12:00:00", true);

        Response report = admin.get("/api/v1/reports/summary?%s&client_id=%d&group_by=day".formatted(MARCH, client));

        assertThat(labelsAndHours(report)).containsExactly("2024-03-04=3.0", "2024-03-05=0.5", "2024-03-12=3.0");
        assertThat(report.body().get("groups").get(0).get("entries").asLong()).isEqualTo(2);
        assertThat(report.body().get("total_hours").asDouble()).isEqualTo(6.5);
        assertThat(report.body().get("billable_hours").asDouble()).isEqualTo(6.0);
        assertThat(report.body().get("estimated_revenue").asDouble()).isEqualTo(2 * 150 + 4 * 100);
        JsonNode byProject = report.body().get("summary").get("by_project");
        assertThat(byProject.valueStream().map(group -> group.get("project_id").asLong() + "="
                + group.get("hours").asDouble()).toList()).containsExactly(unrated + "=4.0", rated + "=2.5");
    }

    @Test
    void filtersByProjectClientAndUserAndEditsAndDeletionsShowAtOnce() {
        Person person = newPerson();
        long client = newClient("null");
        long first = newProject(client, "null");
        long second = newProject(newClient("null"), "null");
        long edited = id(book(person, first, "2024-03-04T09:00:00", "2024-03-04T10:00:00", true));
        long deleted = id(book(person, second, "2024-03-05T09:00:00", "2024-03-05T10:00:00", true));
        assertThat(person.api().patch("/api/v1/time-entries/" + edited, "{\"end_time\": \"2024-03-04T13:00:00Z\"}")
                .status()).isEqualTo(200);
        assertThat(hours(person.api().get("/api/v1/reports/summary?" + MARCH))).isEqualTo(5.0);

        assertThat(person.api().delete("/api/v1/time-entries/" + deleted).status()).isEqualTo(200);

        assertThat(hours(person.api().get("/api/v1/reports/summary?" + MARCH))).isEqualTo(4.0);
        assertThat(hours(admin.get("/api/v1/reports/summary?%s&user_id=%d&project_id=%d"
                .formatted(MARCH, person.id(), first)))).isEqualTo(4.0);
        assertThat(hours(admin.get("/api/v1/reports/summary?%s&user_id=%d&client_id=%d"
                .formatted(MARCH, person.id(), client)))).isEqualTo(4.0);
        assertThat(hours(admin.get("/api/v1/reports/summary?%s&user_id=%d&project_id=%d"
                .formatted(MARCH, person.id(), second)))).isEqualTo(0.0);
    }

    @Test
    void aNonAdminReportsOnThemselvesOnly() {
        Person person = newPerson();
        Person other = newPerson();
        long project = newProject(newClient("null"), "null");
        book(other, project, "2024-03-04T09:00:00", "2024-03-04T10:00:00", true);

        Response own = person.api().get("/api/v1/reports/summary?%s&project_id=%d".formatted(MARCH, project));
        assertThat(own.status()).isEqualTo(200);
        assertThat(hours(own)).isEqualTo(0.0);
        Response others = person.api().get("/api/v1/reports/summary?%s&user_id=%d".formatted(MARCH, other.id()));
        assertThat(others.status()).isEqualTo(403);
        assertThat(others.body().get("error_code").asString()).isEqualTo("forbidden");
        assertThat(hours(admin.get("/api/v1/reports/summary?%s&project_id=%d".formatted(MARCH, project))))
                .isEqualTo(1.0);
    }

    @Test
    void withoutDatesTheLastThirtyDays() {
        Response report = newPerson().api().get("/api/v1/reports/summary");

        assertThat(report.status()).isEqualTo(200);
        java.time.LocalDate start = java.time.LocalDate.parse(report.body().get("summary").get("start_date").asString());
        java.time.LocalDate end = java.time.LocalDate.parse(report.body().get("summary").get("end_date").asString());
        assertThat(start.plusDays(29)).isEqualTo(end);
        assertThat(report.body().get("estimated_revenue").asDouble()).isZero();
        assertThat(report.body().get("summary").get("by_project")).isEmpty();
    }

    @Test
    void badParametersAreRefusedNamingThem() {
        ApiClient invalid = admin.sendingInvalidInput();
        String summary = "/api/v1/reports/summary?";
        assertValidationError(invalid.get(summary + "group_by=year"), "group_by");
        assertValidationError(invalid.get(summary + "start_date=March"), "start_date");
        assertValidationError(invalid.get(summary + "end_date=2024-13-01"), "end_date");
        assertValidationError(invalid.get(summary + "start_date=2024-03-02&end_date=2024-03-01"), "start_date");
        assertValidationError(invalid.get(summary + "project_id=x"), "project_id");
        assertValidationError(invalid.get(summary + "client_id=-1"), "client_id");
        assertValidationError(invalid.get(summary + "user_id=1.5"), "user_id");
        assertValidationError(invalid.get(summary + "as_of=yesterday"), "as_of");
        assertValidationError(invalid.get(summary + "as_of=2999-01-01T00:00:00Z"), "as_of");
    }

    private static double hours(Response report) {
        assertThat(report.status()).as(report.raw()).isEqualTo(200);
        return report.body().get("total_hours").asDouble();
    }

    private static List<String> labelsAndHours(Response report) {
        assertThat(report.status()).as(report.raw()).isEqualTo(200);
        return report.body().get("groups").valueStream()
                .map(group -> group.get("label").asString() + "=" + group.get("hours").asDouble()).toList();
    }
}
