package io.timetracker.query.search;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes the vocabulary words that a node never wrote: {@link SearchDocuments} adds a document's new words after
 * its write commits, so a node killed in between leaves them out, and a misspelt query would not find them. Every
 * word of a document that the vocabulary lacks is added; adding is all the vocabulary ever does, so running this
 * again, or on two nodes at once, writes each word once.
 */
@Component
public class SearchVocabularyRepair {

    private static final String RESTORE = """
            INSERT INTO search_vocabulary (type, word)
            SELECT DISTINCT t.type, t.word FROM search_terms t
            WHERE %s AND NOT EXISTS (SELECT FROM search_vocabulary v WHERE v.type = t.type AND v.word = t.word)
            ORDER BY 1, 2
            ON CONFLICT (type, word) DO NOTHING""".formatted(SearchDocuments.inVocabulary("t.word"));

    private final JdbcTemplate jdbc;

    public SearchVocabularyRepair(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds the missing words and says how many. */
    public int restoreMissingWords() {
        return jdbc.update(RESTORE);
    }
}
