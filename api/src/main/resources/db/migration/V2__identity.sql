CREATE SEQUENCE user_id_seq;
CREATE SEQUENCE api_token_id_seq;

CREATE TABLE users (
    id            bigint       PRIMARY KEY,
    username      varchar(100) NOT NULL,
    email         varchar(255),
    full_name     varchar(200),
    role          varchar(20)  NOT NULL,
    is_active     boolean      NOT NULL,
    timezone      varchar(64),
    date_format   varchar(32),
    time_format   varchar(32),
    password_hash varchar(255),
    created_at    timestamptz  NOT NULL,
    updated_at    timestamptz  NOT NULL,
    version       bigint       NOT NULL
);
CREATE UNIQUE INDEX users_username ON users (lower(username));

CREATE TABLE api_tokens (
    id           bigint       PRIMARY KEY,
    user_id      bigint       NOT NULL,
    name         varchar(100) NOT NULL,
    description  text,
    token_digest char(64)     NOT NULL UNIQUE,
    token_prefix char(8)      NOT NULL,
    scopes       text[]       NOT NULL,
    expires_at   timestamptz,
    ip_whitelist text[],
    is_active    boolean      NOT NULL,
    rotated_from bigint,
    created_at   timestamptz  NOT NULL,
    version      bigint       NOT NULL
);
CREATE INDEX api_tokens_created ON api_tokens (created_at DESC, id DESC);

-- Coalesced usage counters (operational data, not derived from events: survives a projection rebuild).
CREATE TABLE api_token_usage (
    token_id     bigint      PRIMARY KEY,
    usage_count  bigint      NOT NULL,
    last_used_at timestamptz NOT NULL
);
