-- Query side, search read model: each document's words as rows of their own, so that a search reads the best few
-- documents of a type in index order instead of fetching, rechecking and sorting every document that matches.
-- search_terms: one row per document and word (the lexemes of to_tsvector('simple', search_text)), with what the
-- ranking needs (the text's length, then the id) and who may find it; its index gives a word's documents of a
-- type best first, and a word prefix's as a range (the "C" collation orders words by their bytes, so a prefix is
-- one range). search_vocabulary: every word the documents of each type have had but e-mail addresses (never
-- removed, so a rebuild, which replays every event, writes the same rows), written after the commit of the write
-- that used it first, so that writers never wait on each other's new words; its trigram index finds the words a
-- misspelt one is similar to, one row per word rather than one per document that has it, and only the types
-- that have a word look up its documents.
CREATE TABLE search_terms (
    type     varchar(20)  NOT NULL,
    id       bigint       NOT NULL,
    word     text COLLATE "C" NOT NULL,
    length   integer      NOT NULL,
    owner_id bigint,
    PRIMARY KEY (type, id, word)
);
CREATE INDEX search_terms_ranked ON search_terms (type, word, length, id) INCLUDE (owner_id);
CREATE TABLE search_vocabulary (
    type varchar(20)      NOT NULL,
    word text COLLATE "C" NOT NULL,
    PRIMARY KEY (type, word)
);
-- by type and trigrams: a lookup reads only the words of the type searched (most words are addresses of contacts
-- and leads, which a search of projects need not recheck)
CREATE EXTENSION IF NOT EXISTS btree_gin;
CREATE INDEX search_vocabulary_trigrams ON search_vocabulary USING gin (type, word gin_trgm_ops);
-- the documents' own word and trigram indexes are no longer read; the search model is rebuilt at start-up (its
-- tables changed), which fills the new tables
DROP INDEX search_documents_words;
DROP INDEX search_documents_trigrams;
ALTER TABLE search_documents DROP COLUMN search_words;
