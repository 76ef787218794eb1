package io.timetracker.query.search;

import io.timetracker.query.common.ProjectionWrites;
import io.timetracker.query.common.RowStatement;
import org.springframework.stereotype.Component;

import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.timetracker.query.common.RowStatement.bigint;
import static io.timetracker.query.common.RowStatement.text;

/**
 * Writes {@code search_documents} for the search projections (one per type, all of the {@value #GROUP} read
 * model). A document changes only to a newer version of its thing, so a repeated event changes nothing.
 */
@Component
public class SearchDocuments {

    public static final String GROUP = "search";
    public static final String TABLE = "search_documents";
    public static final String TERMS = "search_terms";
    public static final String VOCABULARY = "search_vocabulary";

    /**
     * The document, and when it changed, its words ({@code search_terms}: the lexemes of its text, with the text's
     * length and the owner the ranking and visibility need; words it no longer has removed) and any word no document
     * of its type had before ({@code search_vocabulary}), in the same statement, so the words are always the
     * document's.
     */
    private static final RowStatement PUT = RowStatement.of(TABLE, """
            WITH put AS (
                INSERT INTO search_documents AS d (type, id, title, description, badge, owner_id, search_text, version)
                SELECT type, id, title, description, badge, owner_id, search_text, version FROM rows
                ON CONFLICT (type, id) DO UPDATE SET title = EXCLUDED.title, description = EXCLUDED.description,
                       badge = coalesce(EXCLUDED.badge, d.badge), owner_id = EXCLUDED.owner_id,
                       search_text = EXCLUDED.search_text, version = EXCLUDED.version
                WHERE d.version < EXCLUDED.version
                RETURNING d.type, d.id, d.owner_id, d.search_text
            ), words AS (
                SELECT p.type, p.id, p.owner_id, length(p.search_text) AS length, w.word
                FROM put p CROSS JOIN LATERAL unnest(tsvector_to_array(to_tsvector('simple', p.search_text))) w(word)
            ), gone AS (
                DELETE FROM search_terms t USING put p WHERE t.type = p.type AND t.id = p.id
                AND NOT EXISTS (SELECT FROM words w WHERE w.type = t.type AND w.id = t.id AND w.word = t.word)
            ), terms AS (
                INSERT INTO search_terms AS t (type, id, word, length, owner_id)
                SELECT type, id, word, length, owner_id FROM words
                ON CONFLICT (type, id, word) DO UPDATE SET length = EXCLUDED.length, owner_id = EXCLUDED.owner_id
                WHERE (t.length, t.owner_id) IS DISTINCT FROM (EXCLUDED.length, EXCLUDED.owner_id)
            )
            INSERT INTO search_vocabulary (type, word) SELECT DISTINCT type, word FROM words ORDER BY type, word
            ON CONFLICT (type, word) DO NOTHING""", text("type"), bigint("id"), text("title"), text("description"),
            text("badge"), bigint("owner_id"), text("search_text"), bigint("version"));

    private static final RowStatement SET_BADGE = RowStatement.of(TABLE, """
            UPDATE search_documents d SET badge = r.badge, version = r.version
            FROM rows r WHERE d.type = r.type AND d.id = r.id AND d.version < r.version""",
            text("type"), bigint("id"), text("badge"), bigint("version"));

    /** The document and its words (the vocabulary keeps them: a rebuild replays the same words in the same order). */
    private static final RowStatement REMOVE = RowStatement.of(TABLE, """
            WITH gone AS (DELETE FROM search_documents d USING rows r WHERE d.type = r.type AND d.id = r.id)
            DELETE FROM search_terms t USING rows r WHERE t.type = r.type AND t.id = r.id""",
            text("type"), bigint("id"));

    /**
     * What one document shows, and the texts it is found by. {@code badge} null on a document that exists keeps its badge (an
     * update that does not change the status the badge shows); {@code ownerId} null: anyone who may read the type
     * finds it.
     */
    public record Document(String title, String description, String badge, Long ownerId, String... searchedText) {
    }

    private final ProjectionWrites writes;

    public SearchDocuments(ProjectionWrites writes) {
        this.writes = writes;
    }

    public void put(String type, long id, Document document, long version) {
        String text = Stream.of(document.searchedText()).filter(Objects::nonNull).filter(part -> !part.isBlank()).collect(Collectors.joining(" "));
        writes.add(PUT, type + ":" + id, type, id, document.title(), document.description(), document.badge(),
                document.ownerId(), text, version);
    }

    public void badge(String type, long id, String badge, long version) {
        writes.add(SET_BADGE, type + ":" + id, type, id, badge, version);
    }

    public void remove(String type, long id) {
        writes.add(REMOVE, type + ":" + id, type, id);
    }
}
