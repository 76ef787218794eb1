-- Time booked on tasks, kept by the tasks projection like projects' totals (see BookedTimeTotals).
ALTER TABLE tasks ADD COLUMN billable_seconds bigint NOT NULL DEFAULT 0;

CREATE TABLE task_booked_time (
    entry_id         bigint PRIMARY KEY,
    task_id          bigint,
    seconds          bigint NOT NULL,
    billable_seconds bigint NOT NULL,
    version          bigint NOT NULL
);
