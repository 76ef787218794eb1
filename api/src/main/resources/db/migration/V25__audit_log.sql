-- Each event remembers the transaction that wrote it. Global indexes come from a sequence, so they are not in commit
-- order (a transaction holding index 5 may commit after one holding index 6); an incremental reader of the audit log
-- orders by (transaction, index) and reads only transactions older than every one still running, so that no row can
-- commit behind it. Events written before this migration all read as written by the migration's transaction.
ALTER TABLE domain_event_entry ADD COLUMN xact_id xid8 NOT NULL DEFAULT pg_current_xact_id();

-- Read model audit-log: one row per event (its id is the event's global index), field-by-field changes included.
CREATE TABLE audit_log (
    id          bigint      PRIMARY KEY,
    xact_id     xid8        NOT NULL,
    at          timestamptz NOT NULL,
    entity_type text        NOT NULL,
    entity_id   bigint      NOT NULL,
    action      text        NOT NULL,
    actor_id    bigint,
    token_id    bigint,
    request_id  text,
    ip_address  text,
    user_agent  text,
    reason      text,
    changes     jsonb       NOT NULL
);
CREATE INDEX audit_log_entity ON audit_log (entity_type, entity_id, id);
CREATE INDEX audit_log_entity_type ON audit_log (entity_type, id);
CREATE INDEX audit_log_actor ON audit_log (actor_id, id);
CREATE INDEX audit_log_sync ON audit_log (xact_id, id);

-- Each entity's fields as its last event left them, from which the next event's changes are worked out.
CREATE TABLE audit_entity_state (
    entity_type text   NOT NULL,
    entity_id   bigint NOT NULL,
    fields      jsonb  NOT NULL,
    version     bigint NOT NULL,
    PRIMARY KEY (entity_type, entity_id)
);

-- Rows per entity type and actor (0: the server itself), spread over shards by row id so that one actor's concurrent
-- writes rarely wait for each other's row lock; the totals of the common lists are summed from here, not counted.
CREATE TABLE audit_log_counts (
    entity_type text     NOT NULL,
    actor_id    bigint   NOT NULL,
    shard       smallint NOT NULL,
    row_count   bigint   NOT NULL,
    PRIMARY KEY (entity_type, actor_id, shard)
);
CREATE INDEX audit_log_counts_actor ON audit_log_counts (actor_id);
