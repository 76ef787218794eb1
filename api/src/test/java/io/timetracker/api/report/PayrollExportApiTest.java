package io.timetracker.api.report;

import io.timetracker.api.support.ApiClient.Download;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PayrollExportApiTest extends ReportTestSupport {

    @Test
    void hoursPerUserAndIsoWeekWithinThePeriod() throws IOException {
        Person person = newPerson();
        long project = newProject(newClient("null"), "null");
        book(person, project, "2024-12-27T09:00:00", "2024-12-27T10:00:00", true);
        book(person, project, "2024-12-30T09:00:00", "2024-12-30T12:00:00", true);
        book(person, project, "2025-01-02T09:00:00", "2025-01-02T10:30:00", false);

        Download csv = person.api().download("/api/v1/exports/payroll?start_date=2024-12-28&end_date=2025-01-10");

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"payroll_2024-12-28_2025-01-10.csv\"");
        List<List<String>> rows = parse(csv.text());
        assertThat(rows.get(0)).containsExactly("user_id", "username", "week_year", "week_number", "period_start",
                "period_end", "hours", "billable_hours", "non_billable_hours");
        String username = rows.get(1).get(1);
        assertThat(rows).containsExactly(rows.get(0), List.of(String.valueOf(person.id()), username, "2025", "1",
                "2024-12-30", "2025-01-05", "4.5", "3.0", "1.5"));
    }

    @Test
    void approvedOnlyCountsApprovedEntriesOnly() throws IOException {
        Person person = newPerson();
        book(person, newProject(newClient("null"), "null"), "2024-05-06T09:00:00", "2024-05-06T10:00:00", true);
        String period = "/api/v1/exports/payroll?start_date=2024-05-01&end_date=2024-05-31";

        assertThat(parse(person.api().download(period).text())).hasSize(2);
        assertThat(parse(person.api().download(period + "&approved_only=true").text())).hasSize(1);
    }

    @Test
    void thePeriodIsRequiredAndBadParametersAreRefused() {
        assertThat(admin.download("/api/v1/exports/payroll?end_date=2024-05-31").text()).contains("\"start_date\"");
        assertThat(admin.download("/api/v1/exports/payroll?start_date=2024-05-01").text()).contains("\"end_date\"");
        Download refused = admin.download("/api/v1/exports/payroll?start_date=2024-05-01&end_date=2024-05-31"
                + "&approved_only=maybe");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text()).contains("\"approved_only\"");
        assertThat(newPerson().api().download("/api/v1/exports/payroll?start_date=2024-05-01&end_date=2024-05-31"
                + "&user_id=1").status()).isEqualTo(403);
    }

    private static List<List<String>> parse(String csv) throws IOException {
        return CSVFormat.DEFAULT.parse(new StringReader(csv)).getRecords().stream().map(CSVRecord::toList).toList();
    }
}
