package io.timetracker.api.report;

import io.timetracker.query.report.ReportEntry;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

/**
 * The columns an export may have, in the contract's order. Each gives its value typed: a {@code LocalDate}, an
 * {@code OffsetDateTime} (in the server's zone), hours as a {@code Double}, a {@code Boolean}, or text (null when
 * the entry has none), so each format writes it in its own way.
 */
enum ExportColumn {

    DATE("Date", (entry, zone) -> entry.date()),
    USER("User", (entry, zone) -> entry.user()),
    CLIENT("Client", (entry, zone) -> entry.client()),
    PROJECT("Project", (entry, zone) -> entry.project()),
    TASK("Task", (entry, zone) -> entry.task()),
    START("Start", (entry, zone) -> entry.start().atZone(zone).toOffsetDateTime()),
    END("End", (entry, zone) -> entry.end().atZone(zone).toOffsetDateTime()),
    HOURS("Hours", (entry, zone) -> Hours.of(entry.seconds())),
    BILLABLE("Billable", (entry, zone) -> entry.billable()),
    NOTES("Notes", (entry, zone) -> entry.notes()),
    TAGS("Tags", (entry, zone) -> entry.tags()),
    APPROVAL_STATUS("Approval status", (entry, zone) -> entry.approvalStatus());

    /** Without {@code columns}: the first ten. */
    static final List<ExportColumn> DEFAULT = List.of(values()).subList(0, 10);

    private final String header;
    private final BiFunction<ReportEntry, ZoneId, Object> value;

    ExportColumn(String header, BiFunction<ReportEntry, ZoneId, Object> value) {
        this.header = header;
        this.value = value;
    }

    /** The name a request gives the column by. */
    String parameter() {
        return name().toLowerCase(Locale.ROOT);
    }

    String header() {
        return header;
    }

    Object value(ReportEntry entry, ZoneId zone) {
        return value.apply(entry, zone);
    }

    /** @return the column named {@code name}, or null */
    static ExportColumn named(String name) {
        return Arrays.stream(values()).filter(column -> column.parameter().equals(name)).findFirst().orElse(null);
    }
}
