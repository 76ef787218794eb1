package io.timetracker.query.search;

import io.timetracker.query.common.ProjectionWrites;
import io.timetracker.query.common.RowStatement;
import org.springframework.stereotype.Component;

import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
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

    /** The document, unless the one stored is as new (the statement that puts it reads {@code rows}). */
    private static final String UPSERT = """
            INSERT INTO search_documents AS d (type, id, title, description, badge, owner_id, search_text, version)
                SELECT type, id, title, description, badge, owner_id, search_text, version FROM rows
                ON CONFLICT (type, id) DO UPDATE SET title = EXCLUDED.title, description = EXCLUDED.description,
                       badge = coalesce(EXCLUDED.badge, d.badge), owner_id = EXCLUDED.owner_id,
                       search_text = EXCLUDED.search_text, version = EXCLUDED.version
                WHERE d.version < EXCLUDED.version""";

    private static final RowStatement.Column[] DOCUMENT_COLUMNS = {text("type"), bigint("id"), text("title"),
            text("description"), text("badge"), bigint("owner_id"), text("search_text"), bigint("version")};

    /**
     * The largest size of a document's words ({@link #rowWords}) that each of its {@code search_terms} rows holds,
     * in bytes (a stripped {@code tsvector}: 4 per word and its letters, and a few more).
     */
    static final int ROW_WORDS = 256;

    /**
     * The words of {@code text} as each {@code search_terms} row of its document holds them ({@code words}: every
     * lexeme, so that a search checks the document's other words in the index row it reads), or null when they take
     * more than {@link #ROW_WORDS} bytes: a long text's words are looked up by its key instead, so that its many rows
     * do not each repeat all of them and an index row stays far below the largest one a B-tree takes.
     */
    static String rowWords(String text) {
        return "(SELECT CASE WHEN pg_column_size(v) <= %d THEN v END FROM strip(to_tsvector('simple', %s)) v)"
                .formatted(ROW_WORDS, text);
    }

    /**
     * The document, and when it changed, its words ({@code search_terms}: the lexemes of its text, with the text's
     * length and the owner the ranking and visibility need, and all of the text's words; words it no longer has
     * removed), in the same statement, so the words are always the document's. Rows of this document only:
     * concurrent writers never share one.
     */
    private static final RowStatement PUT = RowStatement.of(TABLE, """
            WITH put AS (
                %s
                RETURNING d.type, d.id, d.owner_id, d.search_text
            ), words AS (
                SELECT p.type, p.id, p.owner_id, length(p.search_text) AS length, w.word, r.words
                FROM put p CROSS JOIN LATERAL (SELECT %s AS words) r
                CROSS JOIN LATERAL unnest(tsvector_to_array(to_tsvector('simple', p.search_text))) w(word)
            ), gone AS (
                DELETE FROM search_terms t USING put p WHERE t.type = p.type AND t.id = p.id
                AND NOT EXISTS (SELECT FROM words w WHERE w.type = t.type AND w.id = t.id AND w.word = t.word)
            )
            INSERT INTO search_terms AS t (type, id, word, length, owner_id, words)
            SELECT type, id, word, length, owner_id, words FROM words
            ON CONFLICT (type, id, word) DO UPDATE SET length = EXCLUDED.length, owner_id = EXCLUDED.owner_id,
                   words = EXCLUDED.words
            WHERE (t.length, t.owner_id, t.words)
                IS DISTINCT FROM (EXCLUDED.length, EXCLUDED.owner_id, EXCLUDED.words)"""
            .formatted(UPSERT, rowWords("p.search_text")), DOCUMENT_COLUMNS);

    /**
     * In a replay from the first event, the document alone: its words are worked out once, from every document as the
     * replay left it ({@link #WORDS_OF_DOCUMENTS}), instead of being written and rewritten window by window.
     */
    private static final RowStatement PUT_REPLAYED = RowStatement.of(TABLE, UPSERT, DOCUMENT_COLUMNS);

    /**
     * The words of a text that the type's vocabulary lacks, written after the commit ({@link
     * ProjectionWrites#addAfterCommit}): writers that are the first to use a word would otherwise wait on each
     * other's uncommitted row of it (and could deadlock, each holding one the other needs). One statement, in word
     * order, so two of them never wait on each other in a circle; it only adds, so it needs nothing else of the
     * command. E-mail addresses are left out: nearly every one is a word of its own, and they would make up most of
     * the vocabulary that a misspelt word is compared with (they are still found whole and by their beginning).
     */
    private static final RowStatement VOCABULARY_WORDS = RowStatement.of(VOCABULARY, vocabularyOf("rows r"),
            text("type"), text("search_text"));

    /**
     * In a replay from the first event, before a document's text is replaced or the document removed: the words of the
     * text it had, which the vocabulary keeps ({@link #WORDS_OF_DOCUMENTS} finds only the texts the replay leaves).
     */
    private static final RowStatement REPLACED_WORDS = RowStatement.of(TABLE, vocabularyOf("""
            (SELECT d.type, d.search_text FROM rows x JOIN search_documents d ON d.type = x.type AND d.id = x.id) r"""),
            text("type"), bigint("id"));

    /**
     * At the end of a replay from the first event, every document's words of the type ({@code search_terms}, as
     * {@link #PUT} would have left them) and the vocabulary of their texts, in one pass over the documents.
     */
    private static final RowStatement WORDS_OF_DOCUMENTS = RowStatement.of(TERMS, """
            WITH words AS (
                INSERT INTO search_terms (type, id, word, length, owner_id, words)
                SELECT d.type, d.id, w.word, length(d.search_text), d.owner_id, r.words
                FROM rows x JOIN search_documents d ON d.type = x.type
                CROSS JOIN LATERAL (SELECT %s AS words) r
                CROSS JOIN LATERAL unnest(tsvector_to_array(to_tsvector('simple', d.search_text))) w(word)
                RETURNING type, word
            )
            INSERT INTO search_vocabulary (type, word)
            SELECT DISTINCT type, word FROM words w
            WHERE %s AND NOT EXISTS (SELECT FROM search_vocabulary v WHERE v.type = w.type AND v.word = w.word)
            ORDER BY 1, 2
            ON CONFLICT (type, word) DO NOTHING""".formatted(rowWords("d.search_text"), inVocabulary("w.word")),
            text("type"));

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

    /** The condition that the word {@code column} belongs in the vocabulary: it is no e-mail address. */
    static String inVocabulary(String column) {
        return "strpos(" + column + ", '@') = 0";
    }

    /** Adds the words of the texts {@code texts} (a {@code FROM} item {@code r(type, search_text)}) that it lacks. */
    private static String vocabularyOf(String texts) {
        return """
                INSERT INTO search_vocabulary (type, word)
                SELECT DISTINCT r.type, w.word FROM %s
                CROSS JOIN LATERAL unnest(tsvector_to_array(to_tsvector('simple', r.search_text))) w(word)
                WHERE %s
                  AND NOT EXISTS (SELECT FROM search_vocabulary v WHERE v.type = r.type AND v.word = w.word)
                ORDER BY 1, 2
                ON CONFLICT (type, word) DO NOTHING""".formatted(texts, inVocabulary("w.word"));
    }

    public SearchDocuments(ProjectionWrites writes) {
        this.writes = writes;
    }

    public void put(String type, long id, Document document, long version) {
        String text = Stream.of(document.searchedText()).filter(Objects::nonNull).filter(part -> !part.isBlank()).collect(Collectors.joining(" "));
        String key = type + ":" + id;
        Replayed replayed = writes.replayMemory(Replayed.class, Replayed::new);
        if (replayed != null) {
            replayed.replacing(type, id);
            writes.add(PUT_REPLAYED, key, type, id, document.title(), document.description(), document.badge(),
                    document.ownerId(), text, version);
            return;
        }
        writes.add(PUT, key, type, id, document.title(), document.description(), document.badge(),
                document.ownerId(), text, version);
        writes.addAfterCommit(VOCABULARY_WORDS, key, type, text);
    }

    public void badge(String type, long id, String badge, long version) {
        writes.add(SET_BADGE, type + ":" + id, type, id, badge, version);
    }

    public void remove(String type, long id) {
        Replayed replayed = writes.replayMemory(Replayed.class, Replayed::new);
        if (replayed != null) {
            replayed.replacing(type, id);
        }
        writes.add(REMOVE, type + ":" + id, type, id);
    }

    /**
     * The documents a replay from the first event has put so far, by type: only the text of one of them can be
     * replaced, and its words must stay in the vocabulary.
     */
    private final class Replayed implements ProjectionWrites.AtReplayEnd {

        private final Map<String, Set<Long>> put = new TreeMap<>();

        /** Before the document is put or removed: keeps the words of the text it has, if any. */
        void replacing(String type, long id) {
            if (!put.computeIfAbsent(type, absent -> new HashSet<>()).add(id)) {
                writes.add(REPLACED_WORDS, type + ":" + id, type, id);
            }
        }

        @Override
        public void replayEnded() {
            put.keySet().forEach(type -> writes.add(WORDS_OF_DOCUMENTS, type, type));
        }
    }
}
