-- Query side, reports read model: a report at a past instant is the day totals corrected by the versions recorded
-- or replaced since that instant (ReportSource.cells), found by these two indexes.
CREATE INDEX report_entry_versions_recorded_since ON report_entry_versions (recorded_from) WHERE recorded_to IS NULL;
CREATE INDEX report_entry_versions_replaced_since ON report_entry_versions (recorded_to) WHERE recorded_to IS NOT NULL;
