package io.timetracker.api.report;

import io.timetracker.query.report.ReportQueries.ReportSummary;

import java.util.List;

/**
 * What an export shows besides its rows: its columns, its title, the period and filters it covers (as lines to
 * print), its summary (totals and hours per group, for the printable format) and what that summary is grouped by.
 */
record ExportDocument(List<ExportColumn> columns, String title, String period, List<String> filters,
                      ReportSummary summary, String groupedBy) {
}
