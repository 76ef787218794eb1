-- Query side, reports read model: the day totals of all users are spread over a few rows per cell, by entry
-- (ReportProjection.PROJECT_CELL_SHARDS), so that people booking on one project on one day do not queue for one row
-- lock; a report sums the shards. The read model's version goes up with this, so it is rebuilt at start-up; the rows
-- kept here as shard 0 are still right sums until then.
ALTER TABLE report_day_project_totals ADD COLUMN shard smallint NOT NULL DEFAULT 0;
ALTER TABLE report_day_project_totals DROP CONSTRAINT report_day_project_totals_pkey;
ALTER TABLE report_day_project_totals
    ADD PRIMARY KEY (work_date, client_id, project_id, task_id, billable, approval_status, shard);
ALTER TABLE report_day_project_totals ALTER COLUMN shard DROP DEFAULT;
