-- Command side: what other aggregates need to know about projects, clients, users and tasks, written by their own
-- command handlers in the same transaction as their events (like the constraint tables), so checking a reference
-- is one indexed read and never loads, or locks, the referenced aggregate.
CREATE TABLE client_directory (
    client_id bigint  PRIMARY KEY,
    is_active boolean NOT NULL
);
CREATE TABLE project_directory (
    project_id bigint  PRIMARY KEY,
    client_id  bigint  NOT NULL,
    is_active  boolean NOT NULL
);
CREATE TABLE user_directory (
    user_id   bigint  PRIMARY KEY,
    is_active boolean NOT NULL
);
CREATE TABLE task_directory (
    task_id    bigint  PRIMARY KEY,
    project_id bigint  NOT NULL,
    is_deleted boolean NOT NULL
);
-- Filled from the read tables as the projections left them (they are rebuilt from the events at the next start).
INSERT INTO client_directory SELECT id, is_active FROM clients;
INSERT INTO project_directory SELECT id, client_id, status = 'active' FROM projects;
INSERT INTO user_directory SELECT id, is_active FROM users;
INSERT INTO task_directory SELECT id, project_id, deleted_at IS NOT NULL FROM tasks;

-- Query side: time booked on projects and tasks, spread over shards (by entry) so that concurrent writers booking
-- on one project rarely share a row lock; reads sum the shards.
CREATE TABLE project_time_totals (
    project_id       bigint   NOT NULL,
    shard            smallint NOT NULL,
    seconds          bigint   NOT NULL,
    billable_seconds bigint   NOT NULL,
    PRIMARY KEY (project_id, shard)
);
ALTER TABLE projects DROP COLUMN total_seconds, DROP COLUMN billable_seconds;
CREATE TABLE task_time_totals (
    task_id          bigint   NOT NULL,
    shard            smallint NOT NULL,
    seconds          bigint   NOT NULL,
    billable_seconds bigint   NOT NULL,
    PRIMARY KEY (task_id, shard)
);
ALTER TABLE tasks DROP COLUMN total_seconds, DROP COLUMN billable_seconds;

-- Which read models were built, from which definition, up to which event: a read model whose definition is not
-- recorded here (new, or changed) is rebuilt from the event store before the application reports ready.
CREATE TABLE read_model_state (
    name       varchar(100) PRIMARY KEY,
    definition text         NOT NULL,
    built_at   timestamptz  NOT NULL,
    built_to   bigint       NOT NULL
);

-- Rebuilds and determinism checks, their progress and outcome, readable from every node.
CREATE TABLE projection_job (
    id          bigserial    PRIMARY KEY,
    kind        varchar(10)  NOT NULL,
    read_models text[]       NOT NULL,
    state       varchar(20)  NOT NULL,
    events_done bigint       NOT NULL DEFAULT 0,
    events_total bigint      NOT NULL DEFAULT 0,
    position    bigint,
    started_at  timestamptz  NOT NULL,
    updated_at  timestamptz  NOT NULL,
    finished_at timestamptz,
    error       text,
    report      jsonb,
    node        varchar(200)
);
