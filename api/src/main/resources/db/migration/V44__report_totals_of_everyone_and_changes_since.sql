-- Query side, reports read model: a report at a past instant is the day totals corrected by the versions recorded
-- or replaced since that instant (ReportSource.cells), found by these two indexes.
CREATE INDEX report_entry_versions_recorded_since ON report_entry_versions (recorded_from) WHERE recorded_to IS NULL;
CREATE INDEX report_entry_versions_replaced_since ON report_entry_versions (recorded_to) WHERE recorded_to IS NOT NULL;

-- The day totals of all users together (the cell without the user), kept by the same statements as
-- report_day_totals: a summary of everyone's hours reads a cell per day, project, task, billable and approval status
-- instead of one per user too (a year of 1,000,000 entries: ~15,000 cells instead of ~600,000).
CREATE TABLE report_day_project_totals (
    work_date       date        NOT NULL,
    client_id       bigint      NOT NULL,
    project_id      bigint      NOT NULL,
    task_id         bigint      NOT NULL,
    billable        boolean     NOT NULL,
    approval_status varchar(10) NOT NULL,
    seconds         bigint      NOT NULL,
    entries         bigint      NOT NULL,
    PRIMARY KEY (work_date, client_id, project_id, task_id, billable, approval_status)
);
