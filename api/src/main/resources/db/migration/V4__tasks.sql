CREATE SEQUENCE task_id_seq;

CREATE TABLE tasks (
    id              bigint       PRIMARY KEY,
    project_id      bigint       NOT NULL,
    name            varchar(200) NOT NULL,
    description     text,
    status          varchar(20)  NOT NULL,
    priority        varchar(10)  NOT NULL,
    -- the list order: urgent first, low last
    priority_rank   smallint     NOT NULL GENERATED ALWAYS AS (
                        CASE priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END
                    ) STORED,
    assigned_to     bigint,
    due_date        date,
    estimated_hours numeric(12, 2),
    tags            varchar(500),
    -- fed from time entries booked on the task
    total_seconds   bigint       NOT NULL DEFAULT 0,
    created_by      bigint,
    created_at      timestamptz  NOT NULL,
    updated_at      timestamptz  NOT NULL,
    completed_at    timestamptz,
    -- deleted tasks stay in the table (their version keeps replays idempotent) but are never read
    deleted_at      timestamptz,
    version         bigint       NOT NULL
);
CREATE INDEX tasks_order ON tasks (priority_rank, due_date NULLS LAST, id) WHERE deleted_at IS NULL;
CREATE INDEX tasks_project ON tasks (project_id, priority_rank, due_date NULLS LAST, id) WHERE deleted_at IS NULL;
CREATE INDEX tasks_assignee ON tasks (assigned_to, priority_rank, due_date NULLS LAST, id) WHERE deleted_at IS NULL;
