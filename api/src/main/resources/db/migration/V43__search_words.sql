-- Query side, search read model: the words of each document's text kept with it (a stored generated column), so a
-- search reads them from the row instead of computing to_tsvector again for every candidate, for the match and for
-- the score alike; their GIN index replaces the expression index.
ALTER TABLE search_documents
    ADD COLUMN search_words tsvector GENERATED ALWAYS AS (to_tsvector('simple', search_text)) STORED;
DROP INDEX search_documents_words;
CREATE INDEX search_documents_words ON search_documents USING gin (search_words);
