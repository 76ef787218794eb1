-- Query side: the search read model, one document per searchable thing (project, task, client, time entry; the CRM
-- adds its types): what a result shows (title, description, badge), the owner who alone may find it (null: anyone
-- who may read its type), and the text it is found by, indexed for whole words (full text) and for partial or
-- misspelt ones (trigrams).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE TABLE search_documents (
    type        varchar(20) NOT NULL,
    id          bigint      NOT NULL,
    title       text        NOT NULL,
    description text,
    badge       text,
    owner_id    bigint,
    search_text text        NOT NULL,
    version     bigint      NOT NULL,
    PRIMARY KEY (type, id)
);
CREATE INDEX search_documents_words ON search_documents USING gin (to_tsvector('simple', search_text));
CREATE INDEX search_documents_trigrams ON search_documents USING gin (search_text gin_trgm_ops);
