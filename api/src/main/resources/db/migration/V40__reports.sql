-- Query side: the reports read model.
-- Every recorded version of every completed entry, with the interval during which it was the recorded one
-- ([recorded_from, recorded_to), from the timestamps of the events that recorded and replaced it; recorded_to is
-- null for the current version, and a deleted entry has none). The report as history stood at an instant is a
-- plain query on it; the exports read it too (the current versions, or those of an instant).
CREATE TABLE report_entry_versions (
    entry_id        bigint       NOT NULL,
    version         bigint       NOT NULL,
    user_id         bigint       NOT NULL,
    client_id       bigint       NOT NULL,
    project_id      bigint,
    task_id         bigint,
    work_date       date         NOT NULL,
    start_time      timestamptz  NOT NULL,
    end_time        timestamptz  NOT NULL,
    seconds         bigint       NOT NULL,
    billable        boolean      NOT NULL,
    notes           text,
    tags            varchar(500),
    approval_status varchar(10)  NOT NULL,
    recorded_from   timestamptz  NOT NULL,
    recorded_to     timestamptz,
    PRIMARY KEY (entry_id, version)
);
CREATE INDEX report_entry_versions_current ON report_entry_versions (work_date, user_id) WHERE recorded_to IS NULL;
CREATE INDEX report_entry_versions_period ON report_entry_versions (work_date, user_id, recorded_from);

-- The current versions summed per day and everything a report groups or filters by, kept by deltas, so a summary
-- reads one row per cell and never the entries themselves. The cell is the primary key (a rebuild fills its tables
-- with the primary key alone), so an entry without a project or task counts under project_id / task_id 0.
CREATE TABLE report_day_totals (
    work_date       date        NOT NULL,
    user_id         bigint      NOT NULL,
    client_id       bigint      NOT NULL,
    project_id      bigint      NOT NULL,
    task_id         bigint      NOT NULL,
    billable        boolean     NOT NULL,
    approval_status varchar(10) NOT NULL,
    seconds         bigint      NOT NULL,
    entries         bigint      NOT NULL,
    PRIMARY KEY (work_date, user_id, client_id, project_id, task_id, billable, approval_status)
);
