-- Query side, reports read model: what the events of each day (changed_on, the UTC date of the event's timestamp)
-- changed in the day totals of all users, by the same statements as report_day_project_totals and in the same
-- shards. A report of everyone at an instant is the day totals less the changes of the days after the instant's,
-- less the versions recorded and plus those replaced later on the instant's own day (ReportSource.cells): a month
-- back reads about 30 days of changed cells and one day of versions instead of a month of versions. The read
-- model's version goes up with this, so it is rebuilt at start-up.
CREATE TABLE report_day_changes (
    changed_on      date        NOT NULL,
    work_date       date        NOT NULL,
    client_id       bigint      NOT NULL,
    project_id      bigint      NOT NULL,
    task_id         bigint      NOT NULL,
    billable        boolean     NOT NULL,
    approval_status varchar(10) NOT NULL,
    shard           smallint    NOT NULL,
    seconds         bigint      NOT NULL,
    entries         bigint      NOT NULL,
    PRIMARY KEY (changed_on, work_date, client_id, project_id, task_id, billable, approval_status, shard)
);
-- The versions recorded on the instant's day after it, whether still current or not.
CREATE INDEX report_entry_versions_recorded_from ON report_entry_versions (recorded_from);
