package io.timetracker.api.report;

import io.timetracker.api.support.ApiClient;
import io.timetracker.api.support.ApiClient.Response;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code as_of}: the report as the recorded history stood at an instant. The instants are those the server recorded
 * the changes at (an entry's {@code updated_at} is the time of its last event), so the checks fall exactly before
 * and at each change.
 */
class ReportAsOfApiTest extends ReportTestSupport {

    @Test
    void theReportAtEachInstantBetweenCreationsEditsAndDeletions() throws InterruptedException {
        Person person = newPerson();
        long project = newProject(newClient("null"), "10");
        Response first = book(person, project, "2024-03-04T09:00:00", "2024-03-04T11:00:00", true);
        Instant created = recordedAt(first);
        Thread.sleep(3);
        Instant secondCreated = recordedAt(book(person, project, "2024-03-05T09:00:00", "2024-03-05T10:00:00", true));
        Thread.sleep(3);
        Response edited = person.api().patch("/api/v1/time-entries/" + id(first),
                "{\"end_time\": \"2024-03-04T12:00:00Z\", \"billable\": false}");
        assertThat(edited.status()).as(edited.raw()).isEqualTo(200);
        Instant edit = recordedAt(edited);
        Thread.sleep(3);
        Response secondOfThem = person.api().get("/api/v1/time-entries?start_date=2024-03-05&end_date=2024-03-05");
        long second = secondOfThem.body().get("time_entries").get(0).get("id").asLong();
        assertThat(person.api().delete("/api/v1/time-entries/" + second).status()).isEqualTo(200);
        Instant afterDeletion = Instant.now();

        // the person's own report (from the totals per user) and everyone's on the project (from the totals of
        // all users, less the changes of the days after the instant's and of its own day after it)
        String everyone = "&project_id=" + project;
        for (Report report : List.of(new Report(person.api(), ""), new Report(admin, everyone))) {
            assertThat(report.at(created.minus(1, ChronoUnit.DAYS))).isEqualTo("0.0h 0.0b 0e 0.0");
            assertThat(report.at(created.minusMillis(1))).isEqualTo("0.0h 0.0b 0e 0.0");
            assertThat(report.at(created)).isEqualTo("2.0h 2.0b 1e 20.0");
            assertThat(report.at(secondCreated)).isEqualTo("3.0h 3.0b 2e 30.0");
            assertThat(report.at(edit.minusMillis(1))).isEqualTo("3.0h 3.0b 2e 30.0");
            assertThat(report.at(edit)).isEqualTo("4.0h 1.0b 2e 10.0");
            assertThat(report.at(afterDeletion)).isEqualTo("3.0h 0.0b 1e 0.0");
            assertThat(report.at(null)).isEqualTo("3.0h 0.0b 1e 0.0");
        }

        for (Report report : List.of(new Report(person.api(), ""), new Report(admin, everyone))) {
            Response days = report.api().get("/api/v1/reports/summary?start_date=2024-03-01&end_date=2024-03-31"
                    + report.filter() + "&group_by=day&as_of=" + secondCreated);
            assertThat(days.body().get("groups").valueStream().map(group -> group.get("label").asString()
                    + "=" + group.get("hours").asDouble()).toList())
                    .containsExactly("2024-03-04=2.0", "2024-03-05=1.0");
            assertThat(OffsetDateTime.parse(days.body().get("as_of").asString()).toInstant())
                    .isEqualTo(secondCreated);
        }
    }

    /**
     * Changes on two earlier days (their events stamped then) and today: a report at an instant of an earlier day is
     * the totals less the changes of the days after it (of everyone: {@code report_day_changes}) and less its own
     * day's changes after the instant (the versions of that day).
     */
    @Test
    void theReportAtInstantsOfEarlierDaysTakesOffTheLaterDaysChangesAndTheDaysOwn() {
        Person person = newPerson();
        long project = newProject(newClient("null"), "null");
        Instant first = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(3, ChronoUnit.DAYS);
        Instant second = first.plus(1, ChronoUnit.DAYS);
        long edited = id(stampedAt(first.plus(10, ChronoUnit.HOURS),
                () -> book(person, project, "2024-03-04T09:00:00", "2024-03-04T11:00:00", true)));
        stampedAt(first.plus(12, ChronoUnit.HOURS), () -> edit(person, edited, "2024-03-04T12:00:00Z"));
        long deleted = id(stampedAt(second.plus(9, ChronoUnit.HOURS),
                () -> book(person, project, "2024-03-05T09:00:00", "2024-03-05T10:00:00", true)));
        stampedAt(second.plus(15, ChronoUnit.HOURS), () -> edit(person, edited, "2024-03-04T13:00:00Z"));
        assertThat(person.api().delete("/api/v1/time-entries/" + deleted).status()).isEqualTo(200);

        for (Report report : List.of(new Report(person.api(), ""), new Report(admin, "&project_id=" + project))) {
            assertThat(report.at(first.plus(9, ChronoUnit.HOURS))).isEqualTo("0.0h 0.0b 0e 0.0");
            assertThat(report.at(first.plus(11, ChronoUnit.HOURS))).isEqualTo("2.0h 2.0b 1e 0.0");
            assertThat(report.at(first.plus(13, ChronoUnit.HOURS))).isEqualTo("3.0h 3.0b 1e 0.0");
            assertThat(report.at(second.plus(10, ChronoUnit.HOURS))).isEqualTo("4.0h 4.0b 2e 0.0");
            assertThat(report.at(second.plus(16, ChronoUnit.HOURS))).isEqualTo("5.0h 5.0b 2e 0.0");
            assertThat(report.at(null)).isEqualTo("4.0h 4.0b 1e 0.0");
        }
    }

    private static Response edit(Person person, long entryId, String endTime) {
        Response edited = person.api().patch("/api/v1/time-entries/" + entryId,
                "{\"end_time\": \"%s\"}".formatted(endTime));
        assertThat(edited.status()).as(edited.raw()).isEqualTo(200);
        return edited;
    }

    /** What {@code write} records is stamped {@code at}: the event clock stands there meanwhile. */
    private static <T> T stampedAt(Instant at, Supplier<T> write) {
        Clock events = GenericEventMessage.clock;
        GenericEventMessage.clock = Clock.fixed(at, ZoneOffset.UTC);
        try {
            return write.get();
        } finally {
            GenericEventMessage.clock = events;
        }
    }

    @Test
    void namesAndRatesAreThoseOfTheInstant() throws Exception {
        Person person = newPerson();
        long client = newClient("50");
        long rated = newProject(client, "10");
        long unrated = newProject(client, "null");
        String ratedName = admin.get("/api/v1/projects/" + rated).body().get("project").get("name").asString();
        String clientName = admin.get("/api/v1/clients/" + client).body().get("client").get("name").asString();
        book(person, rated, "2024-03-04T09:00:00", "2024-03-04T11:00:00", true);
        book(person, unrated, "2024-03-05T09:00:00", "2024-03-05T10:00:00", true);
        Thread.sleep(3);
        Response renamed = admin.patch("/api/v1/projects/" + rated, "{\"name\": \"%s\", \"hourly_rate\": 20}"
                .formatted(unique("Renamed")));
        assertThat(renamed.status()).as(renamed.raw()).isEqualTo(200);
        Instant rename = updatedAt(renamed, "project");
        Thread.sleep(3);
        Response described = admin.patch("/api/v1/projects/" + rated, "{\"description\": \"no new name\"}");
        Instant description = updatedAt(described, "project");
        Thread.sleep(3);
        Response repriced = admin.patch("/api/v1/clients/" + client, "{\"name\": \"%s\", \"default_hourly_rate\": 80}"
                .formatted(unique("Client renamed")));
        assertThat(repriced.status()).as(repriced.raw()).isEqualTo(200);
        Instant reprice = updatedAt(repriced, "client");
        String newName = renamed.body().get("project").get("name").asString();
        String newClientName = repriced.body().get("client").get("name").asString();

        // 2 h at the rated project's rate and 1 h at the client's, each rate and name as it stood then
        String unratedName = admin.get("/api/v1/projects/" + unrated).body().get("project").get("name").asString();
        String before = "70.0 | %s=2.0 %s=1.0 | %s=3.0".formatted(ratedName, unratedName, clientName);
        String afterRename = "90.0 | %s=2.0 %s=1.0 | %s=3.0".formatted(newName, unratedName, clientName);
        String afterReprice = "120.0 | %s=2.0 %s=1.0 | %s=3.0".formatted(newName, unratedName, newClientName);
        assertThat(namesAt(person, rename.minusMillis(1))).isEqualTo(before);
        assertThat(namesAt(person, rename)).isEqualTo(afterRename);
        assertThat(namesAt(person, description)).isEqualTo(afterRename);
        assertThat(namesAt(person, reprice.minusMillis(1))).isEqualTo(afterRename);
        assertThat(namesAt(person, reprice)).isEqualTo(afterReprice);
        assertThat(namesAt(person, null)).isEqualTo(afterReprice);

        String export = "/api/v1/reports/export?start_date=2024-03-01&end_date=2024-03-31&columns=client,project";
        assertThat(person.api().download(export + "&as_of=" + rename.minusMillis(1)).text())
                .contains(clientName + "," + ratedName).doesNotContain(newName);
        assertThat(person.api().download(export).text()).contains(newClientName + "," + newName);
        try (PDDocument pdf = Loader.loadPDF(person.api().download("/api/v1/reports/export?format=pdf"
                + "&start_date=2024-03-01&end_date=2024-03-31&project_id=%d&client_id=%d&as_of=%s"
                .formatted(rated, client, rename.minusMillis(1))).bytes())) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("Project: %s (id %d)".formatted(ratedName, rated),
                    "Client: %s (id %d)".formatted(clientName, client), "estimated revenue 20.00");
        }
    }

    private static Instant updatedAt(Response response, String key) {
        return OffsetDateTime.parse(response.body().get(key).get("updated_at").asString()).toInstant();
    }

    /** The revenue | each project's name and hours | each client's, of March as named at {@code asOf}. */
    private static String namesAt(Person person, Instant asOf) {
        String period = "/api/v1/reports/summary?start_date=2024-03-01&end_date=2024-03-31"
                + (asOf == null ? "" : "&as_of=" + asOf);
        JsonNode byProject = person.api().get(period).body();
        JsonNode byClient = person.api().get(period + "&group_by=client").body();
        return byProject.get("estimated_revenue").asDouble() + " | "
                + String.join(" ", byProject.get("summary").get("by_project").valueStream().map(group ->
                        group.get("project_name").asString() + "=" + group.get("hours").asDouble()).toList())
                + " | " + String.join(" ", byClient.get("groups").valueStream().map(group ->
                        group.get("label").asString() + "=" + group.get("hours").asDouble()).toList());
    }

    private static Instant recordedAt(Response entry) {
        return OffsetDateTime.parse(entry.body().get("time_entry").get("updated_at").asString()).toInstant();
    }

    /** A caller's report of March, narrowed by {@code filter} (query parameters). */
    private record Report(ApiClient api, String filter) {

        /** Hours, billable hours, entries and revenue as they stood at {@code asOf} (now when null). */
        String at(Instant asOf) {
            Response report = api.get("/api/v1/reports/summary?start_date=2024-03-01&end_date=2024-03-31" + filter
                    + (asOf == null ? "" : "&as_of=" + asOf));
            assertThat(report.status()).as(report.raw()).isEqualTo(200);
            return "%sh %sb %de %s".formatted(report.body().get("total_hours").asDouble(),
                    report.body().get("billable_hours").asDouble(),
                    report.body().get("summary").get("total_entries").asLong(),
                    report.body().get("estimated_revenue").asDouble());
        }
    }
}
