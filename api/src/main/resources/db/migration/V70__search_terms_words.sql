-- Query side, search read model: each row of search_terms also holds its document's words (the lexemes of its
-- text, a stripped tsvector), so that a search of several words checks a document's other words in the index row
-- it reads (words @@ the query) instead of looking each up by the document's key. A document whose words take more
-- than 256 bytes has none there (null): the index row stays small, and a long text's many rows do not each repeat
-- all of its words; such a document's words are looked up by its key, as before (SearchDocuments.rowWords).
-- The rows are written again from the documents, as a replay's end writes them (SearchDocuments.WORDS_OF_DOCUMENTS),
-- rather than updated in place, which would leave every row's old version and index entry behind; in key order, so
-- that the primary key fills its pages as an index built at once does.
DROP INDEX search_terms_ranked;
TRUNCATE search_terms;
ALTER TABLE search_terms ADD COLUMN words tsvector;
INSERT INTO search_terms (type, id, word, length, owner_id, words)
SELECT d.type, d.id, w.word, length(d.search_text), d.owner_id, r.words
FROM search_documents d
CROSS JOIN LATERAL (SELECT CASE WHEN pg_column_size(v) <= 256 THEN v END AS words
                    FROM strip(to_tsvector('simple', d.search_text)) v) r
CROSS JOIN LATERAL unnest(tsvector_to_array(to_tsvector('simple', d.search_text))) w(word)
ORDER BY d.type, d.id, w.word COLLATE "C";
CREATE INDEX search_terms_ranked ON search_terms (type, word, length, id) INCLUDE (owner_id, words);
