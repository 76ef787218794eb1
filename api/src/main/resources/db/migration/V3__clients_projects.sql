CREATE SEQUENCE client_id_seq;
CREATE SEQUENCE project_id_seq;

CREATE TABLE clients (
    id                  bigint       PRIMARY KEY,
    name                varchar(200) NOT NULL,
    description         text,
    contact_person      varchar(200),
    company             varchar(200),
    email               varchar(255),
    phone               varchar(50),
    address             text,
    default_hourly_rate numeric(12, 2),
    custom_fields       jsonb,
    is_active           boolean      NOT NULL,
    created_at          timestamptz  NOT NULL,
    updated_at          timestamptz  NOT NULL,
    version             bigint       NOT NULL
);
CREATE INDEX clients_name ON clients (lower(name), id);

CREATE TABLE projects (
    id                       bigint       PRIMARY KEY,
    name                     varchar(200) NOT NULL,
    code                     varchar(20),
    client_id                bigint       NOT NULL,
    description              text,
    billable                 boolean      NOT NULL,
    hourly_rate              numeric(12, 2),
    billing_ref              varchar(100),
    status                   varchar(20)  NOT NULL,
    estimated_hours          numeric(12, 2),
    budget_amount            numeric(14, 2),
    budget_threshold_percent integer      NOT NULL,
    manager_id               bigint,
    total_seconds            bigint       NOT NULL DEFAULT 0,
    billable_seconds         bigint       NOT NULL DEFAULT 0,
    archived_at              timestamptz,
    archived_by              bigint,
    created_at               timestamptz  NOT NULL,
    updated_at               timestamptz  NOT NULL,
    version                  bigint       NOT NULL
);
CREATE INDEX projects_name ON projects (lower(name), id);
CREATE INDEX projects_client ON projects (client_id, status);
