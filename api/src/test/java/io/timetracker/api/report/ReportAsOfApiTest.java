package io.timetracker.api.report;

import io.timetracker.api.support.ApiClient.Response;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;

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

        assertThat(reportAt(person, created.minusMillis(1))).isEqualTo("0.0h 0.0b 0e 0.0");
        assertThat(reportAt(person, created)).isEqualTo("2.0h 2.0b 1e 20.0");
        assertThat(reportAt(person, secondCreated)).isEqualTo("3.0h 3.0b 2e 30.0");
        assertThat(reportAt(person, edit.minusMillis(1))).isEqualTo("3.0h 3.0b 2e 30.0");
        assertThat(reportAt(person, edit)).isEqualTo("4.0h 1.0b 2e 10.0");
        assertThat(reportAt(person, afterDeletion)).isEqualTo("3.0h 0.0b 1e 0.0");
        assertThat(reportAt(person, null)).isEqualTo("3.0h 0.0b 1e 0.0");

        Response days = person.api().get("/api/v1/reports/summary?start_date=2024-03-01&end_date=2024-03-31"
                + "&group_by=day&as_of=" + secondCreated);
        assertThat(days.body().get("groups").valueStream().map(group -> group.get("label").asString()
                + "=" + group.get("hours").asDouble()).toList()).containsExactly("2024-03-04=2.0", "2024-03-05=1.0");
        assertThat(OffsetDateTime.parse(days.body().get("as_of").asString()).toInstant()).isEqualTo(secondCreated);
    }

    private static Instant recordedAt(Response entry) {
        return OffsetDateTime.parse(entry.body().get("time_entry").get("updated_at").asString()).toInstant();
    }

    /** Hours, billable hours, entries and revenue of March as they stood at {@code asOf} (now when null). */
    private static String reportAt(Person person, Instant asOf) {
        Response report = person.api().get("/api/v1/reports/summary?start_date=2024-03-01&end_date=2024-03-31"
                + (asOf == null ? "" : "&as_of=" + asOf));
        assertThat(report.status()).as(report.raw()).isEqualTo(200);
        return "%sh %sb %de %s".formatted(report.body().get("total_hours").asDouble(),
                report.body().get("billable_hours").asDouble(),
                report.body().get("summary").get("total_entries").asLong(),
                report.body().get("estimated_revenue").asDouble());
    }
}
