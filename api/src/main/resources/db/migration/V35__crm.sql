-- CRM: client contacts, deals and leads (contract §3 contacts, §7).
CREATE SEQUENCE contact_id_seq;
CREATE SEQUENCE deal_id_seq;
CREATE SEQUENCE lead_id_seq;

-- Command side, written in the transaction of the owning aggregate's events.
-- A contact's client and whether it is active: deals check their contact with it.
CREATE TABLE contact_directory (
    contact_id bigint  PRIMARY KEY,
    client_id  bigint  NOT NULL,
    is_active  boolean NOT NULL
);
-- Each client's primary contact (null: none). Its row is locked by every write to the client's contacts, which
-- keeps "at most one primary contact per client" under concurrent writes.
CREATE TABLE primary_contact (
    client_id  bigint PRIMARY KEY,
    contact_id bigint
);
CREATE TABLE lead_directory (
    lead_id    bigint  PRIMARY KEY,
    is_deleted boolean NOT NULL
);

-- Query side.
CREATE TABLE contacts (
    id         bigint       PRIMARY KEY,
    client_id  bigint       NOT NULL,
    first_name varchar(100) NOT NULL,
    last_name  varchar(100) NOT NULL,
    email      varchar(255),
    phone      varchar(50),
    mobile     varchar(50),
    title      varchar(100),
    department varchar(100),
    role       varchar(20)  NOT NULL,
    is_primary boolean      NOT NULL,
    address    text,
    notes      text,
    tags       varchar(500),
    is_active  boolean      NOT NULL,
    created_at timestamptz  NOT NULL,
    updated_at timestamptz  NOT NULL,
    version    bigint       NOT NULL
);
CREATE INDEX contacts_client ON contacts (client_id, lower(last_name), lower(first_name), id) WHERE is_active;

CREATE TABLE deals (
    id                  bigint       PRIMARY KEY,
    name                varchar(255) NOT NULL,
    client_id           bigint,
    contact_id          bigint,
    lead_id             bigint,
    description         text,
    stage               varchar(20)  NOT NULL,
    status              varchar(20)  NOT NULL,
    value               numeric(12, 2),
    currency_code       varchar(3)   NOT NULL,
    probability         integer      NOT NULL,
    expected_close_date date,
    notes               text,
    owner_id            bigint       NOT NULL,
    created_by          bigint       NOT NULL,
    closed_at           timestamptz,
    deleted_at          timestamptz,
    created_at          timestamptz  NOT NULL,
    updated_at          timestamptz  NOT NULL,
    version             bigint       NOT NULL
);
CREATE INDEX deals_owner ON deals (owner_id, created_at DESC, id DESC) WHERE deleted_at IS NULL;

CREATE TABLE leads (
    id                      bigint       PRIMARY KEY,
    first_name              varchar(100) NOT NULL,
    last_name               varchar(100) NOT NULL,
    company_name            varchar(200),
    email                   varchar(255),
    phone                   varchar(50),
    title                   varchar(100),
    source                  varchar(100),
    status                  varchar(20)  NOT NULL,
    score                   integer,
    estimated_value         numeric(12, 2),
    currency_code           varchar(3),
    notes                   text,
    tags                    varchar(500),
    owner_id                bigint       NOT NULL,
    created_by              bigint       NOT NULL,
    converted_to_client_id  bigint,
    converted_to_contact_id bigint,
    converted_to_deal_id    bigint,
    converted_at            timestamptz,
    converted_by            bigint,
    deleted_at              timestamptz,
    created_at              timestamptz  NOT NULL,
    updated_at              timestamptz  NOT NULL,
    version                 bigint       NOT NULL
);
CREATE INDEX leads_owner ON leads (owner_id, created_at DESC, id DESC) WHERE deleted_at IS NULL;
