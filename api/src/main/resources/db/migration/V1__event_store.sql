-- Axon's embedded event store, token store, sagas and dead letters on PostgreSQL.
-- Payloads and metadata are bytea holding JSON (never large objects); the global index comes from a
-- sequence that hands out one value per call, so indexes follow allocation order on every node.

CREATE SEQUENCE domain_event_entry_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE domain_event_entry (
    global_index         bigint       NOT NULL PRIMARY KEY,
    aggregate_identifier varchar(255) NOT NULL,
    sequence_number      bigint       NOT NULL,
    type                 varchar(255),
    event_identifier     varchar(255) NOT NULL UNIQUE,
    meta_data            bytea,
    payload              bytea        NOT NULL,
    payload_revision     varchar(255),
    payload_type         varchar(255) NOT NULL,
    time_stamp           varchar(255) NOT NULL,
    UNIQUE (aggregate_identifier, sequence_number)
);

CREATE TABLE snapshot_event_entry (
    aggregate_identifier varchar(255) NOT NULL,
    sequence_number      bigint       NOT NULL,
    type                 varchar(255) NOT NULL,
    event_identifier     varchar(255) NOT NULL UNIQUE,
    meta_data            bytea,
    payload              bytea        NOT NULL,
    payload_revision     varchar(255),
    payload_type         varchar(255) NOT NULL,
    time_stamp           varchar(255) NOT NULL,
    PRIMARY KEY (sequence_number, aggregate_identifier, type)
);

CREATE TABLE token_entry (
    processor_name varchar(255) NOT NULL,
    segment        integer      NOT NULL,
    token          bytea,
    token_type     varchar(255),
    timestamp      varchar(255) NOT NULL,
    owner          varchar(255),
    PRIMARY KEY (segment, processor_name)
);

CREATE TABLE saga_entry (
    saga_id         varchar(255) NOT NULL PRIMARY KEY,
    revision        varchar(255),
    saga_type       varchar(255),
    serialized_saga bytea
);

CREATE SEQUENCE association_value_entry_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE association_value_entry (
    id                bigint       NOT NULL PRIMARY KEY,
    association_key   varchar(255) NOT NULL,
    association_value varchar(255),
    saga_id           varchar(255) NOT NULL,
    saga_type         varchar(255)
);
CREATE INDEX association_value_entry_saga ON association_value_entry (saga_id, saga_type);
CREATE INDEX association_value_entry_key ON association_value_entry (saga_type, association_key, association_value);

CREATE TABLE dead_letter_entry (
    dead_letter_id       varchar(255)             NOT NULL PRIMARY KEY,
    processing_group     varchar(255)             NOT NULL,
    sequence_identifier  varchar(255)             NOT NULL,
    sequence_index       bigint                   NOT NULL,
    message_type         varchar(255)             NOT NULL,
    event_identifier     varchar(255)             NOT NULL,
    time_stamp           varchar(255)             NOT NULL,
    payload_type         varchar(255)             NOT NULL,
    payload_revision     varchar(255),
    payload              bytea                    NOT NULL,
    meta_data            bytea,
    type                 varchar(255),
    aggregate_identifier varchar(255),
    sequence_number      bigint,
    token_type           varchar(255),
    token                bytea,
    enqueued_at          timestamp(6) with time zone NOT NULL,
    last_touched         timestamp(6) with time zone,
    processing_started   timestamp(6) with time zone,
    cause_type           varchar(255),
    cause_message        varchar(1023),
    diagnostics          bytea,
    UNIQUE (processing_group, sequence_identifier, sequence_index)
);
CREATE INDEX dead_letter_entry_group ON dead_letter_entry (processing_group);
CREATE INDEX dead_letter_entry_sequence ON dead_letter_entry (processing_group, sequence_identifier);

-- Set-based constraints of the command side (unique names, codes), written in the same transaction as
-- the events that need them.
CREATE TABLE unique_key (
    scope varchar(64)  NOT NULL,
    key   varchar(512) NOT NULL,
    owner varchar(255) NOT NULL,
    PRIMARY KEY (scope, key)
);

-- Idempotency-Key records: the first response to a key, replayed for 24 hours.
CREATE TABLE idempotency_record (
    token_id        bigint       NOT NULL,
    idempotency_key varchar(128) NOT NULL,
    request_hash    varchar(64)  NOT NULL,
    status          integer,
    content_type    varchar(255),
    headers         text,
    body            bytea,
    created_at      timestamptz  NOT NULL,
    PRIMARY KEY (token_id, idempotency_key)
);
CREATE INDEX idempotency_record_created ON idempotency_record (created_at);
