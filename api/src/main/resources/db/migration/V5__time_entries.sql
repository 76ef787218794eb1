CREATE SEQUENCE time_entry_id_seq;

-- Command side: the rules across a user's entries, written in the same transaction as the events.
-- At most one running timer per user.
CREATE TABLE running_timer (
    user_id  bigint PRIMARY KEY,
    entry_id bigint NOT NULL
);

-- No two entries of a user overlap: each entry occupies [start, end) (a running timer [start, infinity)).
CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE TABLE time_entry_span (
    entry_id bigint    PRIMARY KEY,
    user_id  bigint    NOT NULL,
    span     tstzrange NOT NULL,
    CONSTRAINT time_entry_span_no_overlap EXCLUDE USING gist (user_id WITH =, span WITH &&)
);

-- Query side: the time-entries projection.
CREATE TABLE time_entries (
    id               bigint       PRIMARY KEY,
    user_id          bigint       NOT NULL,
    project_id       bigint,
    client_id        bigint       NOT NULL,
    task_id          bigint,
    start_time       timestamptz  NOT NULL,
    end_time         timestamptz,
    paused_at        timestamptz,
    break_seconds    bigint       NOT NULL,
    duration_seconds bigint,
    notes            text,
    tags             varchar(500),
    tag_keys         text[]       NOT NULL,
    source           varchar(10)  NOT NULL,
    billable         boolean      NOT NULL,
    paid             boolean      NOT NULL,
    invoice_number   varchar(100),
    approval_status  varchar(10)  NOT NULL,
    is_locked        boolean      NOT NULL,
    created_at       timestamptz  NOT NULL,
    updated_at       timestamptz  NOT NULL,
    version          bigint       NOT NULL
);
-- The list's order is start_time desc, id desc: one index per way of narrowing it.
CREATE INDEX time_entries_user_start ON time_entries (user_id, start_time DESC, id DESC);
CREATE INDEX time_entries_start ON time_entries (start_time DESC, id DESC);
CREATE INDEX time_entries_project_start ON time_entries (project_id, start_time DESC, id DESC);
CREATE INDEX time_entries_client_start ON time_entries (client_id, start_time DESC, id DESC);
CREATE INDEX time_entries_task_start ON time_entries (task_id, start_time DESC, id DESC) WHERE task_id IS NOT NULL;
CREATE INDEX time_entries_tag_keys ON time_entries USING gin (tag_keys);
CREATE INDEX time_entries_running ON time_entries (user_id) WHERE end_time IS NULL;

-- Per user: completed and running entries, so the default list's total needs no count over the user's rows.
CREATE TABLE time_entry_counts (
    user_id   bigint PRIMARY KEY,
    completed bigint NOT NULL,
    running   bigint NOT NULL
);

-- Query side: the projects projection's ledger of the time booked per entry, from which it keeps
-- projects.total_seconds / billable_seconds current by deltas.
CREATE TABLE project_booked_time (
    entry_id         bigint PRIMARY KEY,
    project_id       bigint,
    seconds          bigint NOT NULL,
    billable_seconds bigint NOT NULL,
    version          bigint NOT NULL
);
