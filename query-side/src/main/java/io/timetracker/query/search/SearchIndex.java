package io.timetracker.query.search;

import io.timetracker.query.search.SearchQueries.Hit;
import io.timetracker.query.search.SearchQueries.Search;
import io.timetracker.query.search.SearchQueries.SearchResults;
import io.timetracker.query.search.SearchQueries.TypeScope;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Answers searches from the words of the documents ({@code search_terms}, {@code search_vocabulary}), best matches
 * first in three tiers: documents with every word of the query (score 2), then those with words that begin with each
 * of its words (score 1), then, only for a type that has fewer than {@code limit} of those, documents with, for each
 * word of the query, a word it is similar to (trigram word similarity: typos, words found from their middle; the
 * score is the mean of each query word's best similarity, below 1). Within a tier a shorter text, a closer match,
 * ranks first, then the lower id. Each type keeps its best {@code limit}; a caller searches only the types it may
 * (of an owned type, its own documents).
 *
 * <p>Each tier reads a type's best documents in the order of an index rather than sorting every match: one word of
 * the query (the longest, the likeliest to be rare) leads, read from {@code search_terms_ranked} in rank order (a
 * whole word) or as one range (a prefix), and the document's other words are looked up by its key, so a common word
 * costs {@code limit} rows, not thousands. A misspelt word is matched against the distinct words
 * ({@code search_vocabulary}'s trigram index), a small table, and then those words' documents are read like whole
 * words. The statements' texts do not depend on the query (the types are array parameters), so the driver's
 * server-side prepared statements skip planning.
 */
@Component
public class SearchIndex {

    /** The query's distinct words and the one that leads (the longest; the first in byte order of those). */
    private static final String WORDS = """
            q AS MATERIALIZED (
                SELECT words, (SELECT w FROM unnest(words) w ORDER BY length(w) DESC, w LIMIT 1) AS lead
                FROM (SELECT ARRAY(SELECT DISTINCT unnest(tsvector_to_array(to_tsvector('simple', :text))))
                      AS words) parsed)""";

    /** The caller's types, each with the owner it is limited to (null: every document of the type). */
    private static final String SCOPES = "unnest(string_to_array(:types, ','), string_to_array(:owners, ',', '')::int8[])"
            + " s(type, owner)";

    /** A document (of row {@code t}) has {@code w} as a whole word, or a word beginning with it. */
    private static final String HAS_WORD = "EXISTS (SELECT FROM search_terms x WHERE x.type = t.type AND x.id = t.id"
            + " AND x.word = w)";
    private static final String HAS_PREFIX = "EXISTS (SELECT FROM search_terms x WHERE x.type = t.type AND x.id = t.id"
            + " AND x.word >= w AND x.word < w || chr(1114111))";

    /**
     * Per type, the documents with every word of the query, in rank order (the lead word's rows of the type are in
     * that order in the index, so the scan stops at the limit), then, when fewer than the limit, those with a word
     * beginning with each (the lead's prefix is one range of the index).
     */
    private static final String MATCHES = ("""
            WITH %s
            SELECT s.type, d.id, d.title, d.description, d.badge, h.score
            FROM q CROSS JOIN %s
            CROSS JOIN LATERAL (SELECT ARRAY(
                SELECT t.id FROM search_terms t
                WHERE t.type = s.type AND t.word = q.lead AND (s.owner IS NULL OR t.owner_id = s.owner)
                  AND NOT EXISTS (SELECT FROM unnest(q.words) w WHERE w <> q.lead AND NOT %s)
                ORDER BY t.length, t.id LIMIT :limit) AS ids) whole
            CROSS JOIN LATERAL (
                SELECT u.id, 2 AS score, u.place FROM unnest(whole.ids) WITH ORDINALITY u(id, place)
                UNION ALL
                SELECT p.id, 1, cardinality(whole.ids) + row_number() OVER (ORDER BY p.length, p.id) FROM (
                    SELECT DISTINCT t.id, t.length FROM search_terms t
                    WHERE cardinality(whole.ids) < :limit AND t.type = s.type
                      AND t.word >= q.lead AND t.word < q.lead || chr(1114111)
                      AND (s.owner IS NULL OR t.owner_id = s.owner) AND t.id <> ALL (whole.ids)
                      AND NOT EXISTS (SELECT FROM unnest(q.words) w WHERE w <> q.lead AND NOT %s)
                    ORDER BY t.length, t.id LIMIT :limit - cardinality(whole.ids)) p
            ) h
            JOIN search_documents d ON d.type = s.type AND d.id = h.id
            ORDER BY h.score DESC, h.place, s.type, d.id""").formatted(WORDS, SCOPES, HAS_WORD, HAS_PREFIX);

    /**
     * Per type, the documents that have, for each word of the query, a word it is similar to, and are not among the
     * {@link #MATCHES} (some word of the query begins none of theirs). A one-word query's documents rank by the
     * similar word they have, so each similar word's best {@code 2 × limit} suffice (fewer than {@code limit} of a
     * type matched above); with more words every document of the lead's similar words is checked.
     */
    private static final String SIMILAR = ("""
            WITH %s, alike AS MATERIALIZED (
                SELECT w AS query_word, v.word, word_similarity(w, v.word) AS similarity
                FROM q CROSS JOIN unnest(q.words) w JOIN search_vocabulary v ON w <%% v.word)
            SELECT s.type, d.id, d.title, d.description, d.badge, h.score,
                   row_number() OVER (PARTITION BY s.type ORDER BY h.score DESC, h.length, h.id) AS place
            FROM q CROSS JOIN %s
            CROSS JOIN LATERAL (
                SELECT c.id, c.length, (c.similarity + o.total) / cardinality(q.words) AS score FROM (
                    SELECT DISTINCT ON (t.id) t.id, t.type, t.length, l.similarity
                    FROM alike l CROSS JOIN LATERAL (
                        SELECT t.id, t.type, t.length FROM search_terms t
                        WHERE t.type = s.type AND t.word = l.word AND (s.owner IS NULL OR t.owner_id = s.owner)
                        ORDER BY t.length, t.id LIMIT CASE WHEN cardinality(q.words) = 1 THEN 2 * :limit END) t
                    WHERE l.query_word = q.lead
                    ORDER BY t.id, l.similarity DESC) c
                CROSS JOIN LATERAL (
                    SELECT count(*) AS words, coalesce(sum(best), 0) AS total FROM (
                        SELECT max(l.similarity) AS best FROM alike l
                        JOIN search_terms x ON x.type = c.type AND x.id = c.id AND x.word = l.word
                        WHERE l.query_word <> q.lead GROUP BY l.query_word) matched) o
                WHERE o.words = cardinality(q.words) - 1
                  AND EXISTS (SELECT FROM unnest(q.words) w WHERE NOT %s)
                ORDER BY score DESC, c.length, c.id LIMIT :limit
            ) h
            JOIN search_documents d ON d.type = s.type AND d.id = h.id
            ORDER BY h.score DESC, place, s.type, d.id""")
            .formatted(WORDS, SCOPES, HAS_PREFIX.replace("t.type", "c.type").replace("t.id", "c.id"));

    private final NamedParameterJdbcTemplate jdbc;

    public SearchIndex(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public SearchResults handle(Search search) {
        List<Hit> hits = new ArrayList<>(query(MATCHES, search, search.types()));
        List<TypeScope> few = search.types().stream()
                .filter(scope -> count(hits, scope.type()) < search.limit()).toList();
        for (Hit similar : query(SIMILAR, search, few)) {
            if (count(hits, similar.type()) < search.limit()) {
                hits.add(similar);
            }
        }
        hits.sort(Comparator.comparingDouble(Hit::score).reversed());
        return new SearchResults(hits);
    }

    private static long count(List<Hit> hits, String type) {
        return hits.stream().filter(hit -> hit.type().equals(type)).count();
    }

    /** The statement's hits of the types {@code scopes} name, up to the limit each. */
    private List<Hit> query(String statement, Search search, List<TypeScope> scopes) {
        if (scopes.isEmpty()) {
            return List.of();
        }
        MapSqlParameterSource params = new MapSqlParameterSource("text", search.text())
                .addValue("limit", search.limit())
                .addValue("types", scopes.stream().map(TypeScope::type).collect(Collectors.joining(",")))
                .addValue("owners", scopes.stream().map(scope -> Objects.toString(scope.ownerId(), ""))
                        .collect(Collectors.joining(",")));
        return jdbc.query(statement, params,
                (rs, row) -> new Hit(rs.getString("type"), rs.getLong("id"), rs.getString("title"),
                        rs.getString("description"), rs.getString("badge"), rs.getDouble("score")));
    }
}
