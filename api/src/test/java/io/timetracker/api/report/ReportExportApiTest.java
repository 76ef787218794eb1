package io.timetracker.api.report;

import io.timetracker.api.support.ApiClient.Download;
import io.timetracker.api.support.ApiClient.Response;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReportExportApiTest extends ReportTestSupport {

    private static final String MARCH = "start_date=2024-03-01&end_date=2024-03-31";

    @Test
    void csvHasTheDefaultColumnsAndOneRowPerEntryInStartOrder() throws IOException {
        Person person = newPerson();
        long project = newProject(newClient("null"), "null");
        book(person, project, "2024-03-05T09:00:00", "2024-03-05T10:30:00", false);
        person.api().post("/api/v1/time-entries", """
                {"project_id": %d, "start_time": "2024-03-04T09:00:00Z", "end_time": "2024-03-04T11:00:00Z",
                 "notes": "Review, \\"final\\"\\nsecond line", "tags": "a,b"}""".formatted(project));

        Download csv = person.api().download("/api/v1/reports/export?format=csv&" + MARCH);

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"time-report_2024-03-01_2024-03-31.csv\"");
        List<CSVRecord> rows = parse(csv.text());
        assertThat(rows.get(0).toList()).containsExactly("date", "user", "client", "project", "task", "start", "end",
                "hours", "billable", "notes");
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1).get(0)).isEqualTo("2024-03-04");
        assertThat(rows.get(1).get(5)).isEqualTo("2024-03-04T09:00:00Z");
        assertThat(rows.get(1).get(7)).isEqualTo("2.0");
        assertThat(rows.get(1).get(8)).isEqualTo("true");
        assertThat(rows.get(1).get(9)).isEqualTo("Review, \"final\"\nsecond line");
        assertThat(rows.get(2).get(7)).isEqualTo("1.5");
        assertThat(rows.get(2).get(8)).isEqualTo("false");
        assertThat(rows.get(2).get(9)).isEmpty();
    }

    @Test
    void columnsChooseAndOrderTheColumns() throws IOException {
        Person person = newPerson();
        long project = newProject(newClient("null"), "null");
        person.api().post("/api/v1/time-entries", """
                {"project_id": %d, "start_time": "2024-03-04T09:00:00Z", "end_time": "2024-03-04T11:00:00Z",
                 "tags": "x"}""".formatted(project));

        Download csv = person.api().download("/api/v1/reports/export?" + MARCH
                + "&columns=approval_status,%20hours,tags");

        List<CSVRecord> rows = parse(csv.text());
        assertThat(rows.get(0).toList()).containsExactly("approval_status", "hours", "tags");
        assertThat(rows.get(1).toList()).containsExactly("none", "2.0", "x");
    }

    @Test
    void unknownColumnsAndFormatsAreRefusedNamingThem() {
        Download column = admin.download("/api/v1/reports/export?columns=date,rate");
        assertThat(column.status()).isEqualTo(400);
        assertThat(column.text()).contains("\"columns\"").contains("rate");
        Download format = admin.sendingInvalidInput().download("/api/v1/reports/export?format=docx");
        assertThat(format.status()).isEqualTo(400);
        assertThat(format.text()).contains("\"format\"");
        assertThat(admin.download("/api/v1/reports/export?as_of=soon").text()).contains("\"as_of\"");
    }

    @Test
    void anExportAsOfAnInstantHasTheEntriesAsTheyWereThen() throws Exception {
        Person person = newPerson();
        long project = newProject(newClient("null"), "null");
        long entry = id(book(person, project, "2024-03-04T09:00:00", "2024-03-04T10:00:00", true));
        Thread.sleep(3);
        Instant beforeTheChanges = Instant.now();
        Thread.sleep(3);
        person.api().patch("/api/v1/time-entries/" + entry, "{\"notes\": \"corrected\"}");
        book(person, project, "2024-03-06T09:00:00", "2024-03-06T10:00:00", true);

        Download then = person.api().download("/api/v1/reports/export?columns=date,notes&%s&as_of=%s"
                .formatted(MARCH, beforeTheChanges));
        Download now = person.api().download("/api/v1/reports/export?columns=date,notes&" + MARCH);

        assertThat(parse(then.text()).stream().map(CSVRecord::toList).toList())
                .containsExactly(List.of("date", "notes"), List.of("2024-03-04", ""));
        assertThat(then.header("Content-Disposition")).contains("_as-of_");
        assertThat(parse(now.text()).stream().map(CSVRecord::toList).toList()).containsExactly(
                List.of("date", "notes"), List.of("2024-03-04", "corrected"), List.of("2024-03-06", ""));
    }

    @Test
    void aNonAdminExportsTheirOwnEntriesOnly() throws IOException {
        Person person = newPerson();
        Person other = newPerson();
        long project = newProject(newClient("null"), "null");
        book(other, project, "2024-03-04T09:00:00", "2024-03-04T10:00:00", true);

        assertThat(parse(person.api().download("/api/v1/reports/export?%s&project_id=%d".formatted(MARCH, project))
                .text())).hasSize(1);
        assertThat(person.api().download("/api/v1/reports/export?user_id=" + other.id()).status()).isEqualTo(403);
        assertThat(parse(admin.download("/api/v1/reports/export?%s&project_id=%d".formatted(MARCH, project))
                .text())).hasSize(2);
    }

    @Test
    void textsThatASpreadsheetWouldRunAsFormulasAreInert() throws IOException {
        Person person = newPerson();
        Response client = admin.post("/api/v1/clients", "{\"name\": \"%s\"}".formatted(unique("@SUM(A1)")));
        long clientId = client.body().get("client").get("id").asLong();
        Response project = admin.post("/api/v1/projects", "{\"name\": \"%s\", \"client_id\": %d}"
                .formatted(unique("=cmd|' /C calc'!A0"), clientId));
        long projectId = project.body().get("project").get("id").asLong();
        // (a leading tab or carriage return never arrives: texts are stored stripped)
        List<String> notes = List.of("=HYPERLINK(\"http://evil.test\")", "+1+1", "-2+3", "@SUM(A1)",
                "=1+1\tsecond", "-", "plain = text", "");
        for (int i = 0; i < notes.size(); i++) {
            Response entry = person.api().post("/api/v1/time-entries", """
                    {"project_id": %d, "start_time": "2024-03-%02dT09:00:00Z", "end_time": "2024-03-%02dT10:00:00Z",
                     "notes": "%s", "tags": "-x"}""".formatted(projectId, i + 1, i + 1,
                    notes.get(i).replace("\\", "\\\\").replace("\"", "\\\"").replace("\t", "\\t")
                            .replace("\r", "\\r")));
            assertThat(entry.status()).as(entry.raw()).isEqualTo(201);
        }

        List<CSVRecord> rows = parse(person.api().download("/api/v1/reports/export?columns=client,project,notes,"
                + "tags,hours&" + MARCH).text());

        assertThat(rows).hasSize(notes.size() + 1);
        for (int i = 0; i < notes.size(); i++) {
            CSVRecord row = rows.get(i + 1);
            assertThat(row.get(0)).isEqualTo("'" + client.body().get("client").get("name").asString());
            assertThat(row.get(1)).isEqualTo("'" + project.body().get("project").get("name").asString());
            String note = notes.get(i);
            assertThat(row.get(2)).isEqualTo(i < 6 ? "'" + note : note);
            assertThat(row.get(3)).isEqualTo("'-x");
            assertThat(row.get(4)).as("numbers stay numbers").isEqualTo("1.0");
        }
        // a spreadsheet's text cell is never a formula: the text is kept as it was written
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(person.api()
                .download("/api/v1/reports/export?format=xlsx&columns=notes&" + MARCH).bytes()))) {
            Sheet sheet = workbook.getSheetAt(0);
            for (int i = 0; i < notes.size() - 1; i++) {
                Cell cell = sheet.getRow(i + 1).getCell(0);
                assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
                assertThat(cell.getStringCellValue()).isEqualTo(notes.get(i));
            }
        }
    }

    @Test
    void theSpreadsheetHasTypedCellsAndATotalsRow() throws IOException {
        Person person = newPerson();
        long project = newProject(newClient("null"), "null");
        book(person, project, "2024-03-04T09:00:00", "2024-03-04T11:15:00", true);
        book(person, project, "2024-03-05T09:00:00", "2024-03-05T10:00:00", false);

        Download xlsx = person.api().download("/api/v1/reports/export?format=xlsx&" + MARCH);

        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.header("Content-Type"))
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(xlsx.header("Content-Disposition")).contains("time-report_2024-03-01_2024-03-31.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.bytes()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Date");
            assertThat(sheet.getRow(0).getCell(7).getStringCellValue()).isEqualTo("Hours");
            Row first = sheet.getRow(1);
            assertThat(DateUtil.isCellDateFormatted(first.getCell(0))).isTrue();
            assertThat(first.getCell(0).getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.parse("2024-03-04T00:00"));
            assertThat(DateUtil.isCellDateFormatted(first.getCell(5))).isTrue();
            assertThat(first.getCell(5).getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.parse("2024-03-04T09:00"));
            Cell hours = first.getCell(7);
            assertThat(hours.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(hours.getNumericCellValue()).isEqualTo(2.25);
            assertThat(first.getCell(8).getBooleanCellValue()).isTrue();
            assertThat(sheet.getRow(2).getCell(8).getBooleanCellValue()).isFalse();
            Row total = sheet.getRow(3);
            assertThat(total.getCell(0).getStringCellValue()).isEqualTo("Total (2 entries)");
            assertThat(total.getCell(7).getNumericCellValue()).isEqualTo(3.25);
            assertThat(sheet.getLastRowNum()).isEqualTo(3);
        }
    }

    @Test
    void thePdfHasTitlePeriodTotalsChartAndTable() throws IOException {
        Person person = newPerson();
        long client = newClient("100");
        long first = newProject(client, "null");
        long second = newProject(client, "null");
        book(person, first, "2024-03-04T09:00:00", "2024-03-04T13:00:00", true);
        book(person, second, "2024-03-05T09:00:00", "2024-03-05T10:00:00", true);
        for (int day = 6; day <= 30; day++) {
            book(person, second, "2024-03-%02dT09:00:00".formatted(day), "2024-03-%02dT09:30:00".formatted(day), true);
        }

        Download pdf = person.api().download("/api/v1/reports/export?format=pdf&client_id=%d&%s"
                .formatted(client, MARCH));

        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.header("Content-Type")).isEqualTo("application/pdf");
        assertThat(pdf.header("Content-Disposition")).contains("time-report_2024-03-01_2024-03-31.pdf");
        try (PDDocument document = Loader.loadPDF(pdf.bytes())) {
            String text = new PDFTextStripper().getText(document);
            String username = admin.get("/api/v1/users/" + person.id()).body().get("user").get("username").asString();
            String clientName = admin.get("/api/v1/clients/" + client).body().get("client").get("name").asString();
            assertThat(text).contains("Time report", "Period: 2024-03-01 to 2024-03-31",
                    "User: %s (id %d)".formatted(username, person.id()),
                    "Client: %s (id %d)".formatted(clientName, client),
                    "Total 17.50 h, billable 17.50 h, 27 entries, estimated revenue 1750.00", "Hours per project",
                    "4.00 h", "13.50 h", "Date", "Hours", "2024-03-04 09:00 2024-03-04 13:00 4.00 yes");
            assertThat(text.strip()).endsWith("Total 17.50");
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 100);
            Path image = Path.of("target", "report-export-page-1.png");
            Files.createDirectories(image.getParent());
            ImageIO.write(page, "png", image.toFile());
            assertThat(page.getWidth()).isGreaterThan(page.getHeight());
        }
    }

    private static List<CSVRecord> parse(String csv) throws IOException {
        return CSVFormat.DEFAULT.parse(new StringReader(csv)).getRecords();
    }
}
