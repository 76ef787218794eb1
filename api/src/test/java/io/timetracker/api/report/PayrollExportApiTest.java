package io.timetracker.api.report;

import io.timetracker.api.support.ApiClient;
import io.timetracker.api.support.ApiClient.Download;
import io.timetracker.api.support.ApiClient.Response;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
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
    void approvedOnlyCountsApprovedEntriesOnlyAndAsOfSeesApprovalsAsTheyWere() throws IOException {
        Person person = newPerson();
        long project = newProject(newClient("null"), "null");
        long approved = id(book(person, project, "2024-05-06T09:00:00", "2024-05-06T10:00:00", true));
        book(person, project, "2024-05-07T09:00:00", "2024-05-07T11:00:00", true);
        String period = "/api/v1/exports/payroll?start_date=2024-05-01&end_date=2024-05-31";
        assertThat(parse(person.api().download(period + "&approved_only=true").text())).hasSize(1);
        String beforeApproval = Instant.now().toString();

        approve(approved);

        assertThat(parse(person.api().download(period).text()).get(1).get(6)).isEqualTo("3.0");
        assertThat(parse(person.api().download(period + "&approved_only=true").text()).get(1).get(6))
                .isEqualTo("1.0");
        assertThat(parse(person.api().download(period + "&approved_only=true&as_of=" + beforeApproval).text()))
                .hasSize(1);
        assertThat(parse(person.api().download("/api/v1/reports/export?start_date=2024-05-01&end_date=2024-05-31"
                + "&columns=date,approval_status").text())).containsExactly(List.of("date", "approval_status"),
                List.of("2024-05-06", "approved"), List.of("2024-05-07", "none"));
    }

    /** The entry approved by a manager the admin names as its approver. */
    private void approve(long entryId) {
        long managerId = createUser("manager");
        ApiClient manager = admin.as(tokenFor(managerId, "read:time_approvals,write:time_approvals"));
        Response requested = admin.post("/api/v1/time-entries/" + entryId + "/request-approval",
                "{\"approver_ids\": [%d]}".formatted(managerId));
        assertThat(requested.status()).as(requested.raw()).isEqualTo(201);
        long approvalId = requested.body().get("approval").get("id").asLong();
        Response granted = manager.post("/api/v1/time-entry-approvals/" + approvalId + "/approve", "{}");
        assertThat(granted.status()).as(granted.raw()).isEqualTo(200);
    }

    @Test
    void thePeriodIsRequiredAndBadParametersAreRefused() {
        ApiClient invalid = admin.sendingInvalidInput();
        assertThat(invalid.download("/api/v1/exports/payroll?end_date=2024-05-31").text()).contains("\"start_date\"");
        assertThat(invalid.download("/api/v1/exports/payroll?start_date=2024-05-01").text()).contains("\"end_date\"");
        Download refused = invalid.download("/api/v1/exports/payroll?start_date=2024-05-01&end_date=2024-05-31"
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
