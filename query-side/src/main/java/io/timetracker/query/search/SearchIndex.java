package io.timetracker.query.search;

import io.timetracker.query.search.SearchQueries.Hit;
import io.timetracker.query.search.SearchQueries.Search;
import io.timetracker.query.search.SearchQueries.SearchResults;
import io.timetracker.query.search.SearchQueries.TypeScope;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Answers searches from the words of the documents ({@code search_terms}, {@code search_vocabulary}), best matches
 * first in three tiers: documents with every word of the query (score 2), then those with words that begin with each
 * of its words (score 1), then, only for a type that has fewer than {@code limit} of those, documents whose text
 * the query is similar to (trigram word similarity, the score, below 1: typos, words found from their middle, a
 * word of the query missing or misspelt beyond recognition while the others match). Within a tier a shorter text,
 * a closer match, ranks first, then the lower id. Each type keeps its best {@code limit}; a caller searches only the
 * types it may (of an owned type, its own documents).
 *
 * <p>Each tier reads a type's best documents in the order of an index rather than sorting every match: one word of
 * the query (for each type the rarest) leads, read from {@code search_terms_ranked} in rank order (a
 * whole word) or as one range (a prefix), and the document's other words are looked up by its key, so a common word
 * costs {@code limit} rows, not thousands. A misspelt word is matched against the distinct words of
 * the type ({@code search_vocabulary}'s trigram index), a small table, and then those words' documents are read like
 * whole words: only they are compared with the whole query. The statements' texts do not depend on the query (the
 * types are array parameters), so the driver's server-side prepared statements skip planning.
 */
@Component
public class SearchIndex {

    /**
     * The word {@code word} (an expression) as a lexeme of a text search query, quoted: every character of it stands
     * for itself.
     */
    private static String lexeme(String word) {
        return "'''' || replace(replace(" + word + ", '\\', '\\\\'), '''', '''''') || ''''";
    }

    /**
     * The query's distinct words, and as text search queries that a document's words ({@code search_terms.words})
     * match when they hold every one of them ({@code every}) or a word beginning with each ({@code beginnings}).
     */
    private static final String WORDS = """
            q AS MATERIALIZED (
                SELECT words, (SELECT string_agg(%1$s, ' & ') FROM unnest(words) w)::tsquery AS every,
                       (SELECT string_agg(%1$s || ':*', ' & ') FROM unnest(words) w)::tsquery AS beginnings
                FROM (SELECT ARRAY(SELECT DISTINCT unnest(tsvector_to_array(to_tsvector('simple', :text))))
                    AS words) query)""".formatted(lexeme("w"));

    /** The caller's types, each with the owner it is limited to (null: every document of the type). */
    private static final String SCOPES = "unnest(string_to_array(:types, ','),"
            + " string_to_array(:owners, ',', '')::int8[]) s(type, owner)";

    /** The document of row {@code row} (its type and id) has {@code w} as a whole word. */
    private static String hasWord(String row) {
        return "EXISTS (SELECT FROM search_terms x WHERE x.type = " + row + ".type AND x.id = " + row + ".id"
                + " AND x.word = w)";
    }

    /** The document of row {@code row} has a word beginning with {@code w}. */
    private static String hasPrefix(String row) {
        return "EXISTS (SELECT FROM search_terms x WHERE x.type = " + row + ".type AND x.id = " + row + ".id"
                + " AND x.word >= w AND x.word < w || chr(1114111))";
    }

    /**
     * The document of {@code row}, a row of {@code search_terms} (its {@code words} too), matches {@code query}, one
     * of {@link #WORDS}' text search queries: from the words the row holds, or, where it holds none (a long text,
     * {@link SearchDocuments#ROW_WORDS}), by the document's key, {@code has} (of a word {@code w}) for each word of
     * the query.
     */
    private static String matches(String row, String query, String has) {
        return "CASE WHEN %1$s.words IS NULL THEN NOT EXISTS (SELECT FROM unnest(q.words) w WHERE NOT %3$s)"
                .formatted(row, query, has) + " ELSE %1$s.words @@ %2$s END".formatted(row, query);
    }

    /** Documents of a type count as many, for choosing the word that leads, once they are this many. */
    private static final int MANY = 500;

    /**
     * The word of the query that leads for a type: the one with the fewest rows of the type that {@code matching}
     * (of {@code t}, the word {@code w}) selects, counted up to {@link #MANY}; the first of the fewest in byte order.
     * A one-word query counts nothing.
     */
    private static String lead(String matching) {
        return """
                (SELECT w FROM unnest(q.words) w ORDER BY CASE WHEN cardinality(q.words) > 1 THEN (SELECT count(*)
                    FROM (SELECT FROM search_terms t WHERE t.type = s.type AND %s LIMIT %d) rows) END, w LIMIT 1)"""
                .formatted(matching, MANY);
    }

    /**
     * Per type, the documents with every word of the query, in rank order, then, when fewer than the limit, those
     * with a word beginning with each. The lead word's rows of the type are read in the index's order (a whole
     * word: rank order, so the scan stops at the limit; a prefix: one range), and each row says itself whether its
     * document has the other words (its {@code words}), so a word that many documents have costs the index rows
     * read, not a lookup of every other word per row. The prefix tier's lead is counted only for a type that the
     * whole words left short. {@code OFFSET 0} keeps each lateral subquery a subquery: pulled up, its expression
     * would be evaluated once per reference (the whole tier's documents read twice, each lead counted once per use).
     */
    private static final String MATCHES = ("""
            WITH %s
            SELECT s.type, d.id, d.title, d.description, d.badge, h.score
            FROM q CROSS JOIN %s
            CROSS JOIN LATERAL (SELECT %s AS lead OFFSET 0) whole_lead
            CROSS JOIN LATERAL (SELECT ARRAY(
                SELECT t.id FROM search_terms t
                WHERE t.type = s.type AND t.word = whole_lead.lead AND (s.owner IS NULL OR t.owner_id = s.owner)
                  AND %s
                ORDER BY t.length, t.id LIMIT :limit) AS ids OFFSET 0) whole
            CROSS JOIN LATERAL (
                SELECT u.id, 2 AS score, u.place FROM unnest(whole.ids) WITH ORDINALITY u(id, place)
                UNION ALL
                SELECT p.id, 1, cardinality(whole.ids) + row_number() OVER (ORDER BY p.length, p.id) FROM (
                    SELECT DISTINCT t.id, t.length
                    FROM (SELECT %s AS lead WHERE cardinality(whole.ids) < :limit OFFSET 0) prefix_lead
                    JOIN search_terms t ON t.type = s.type
                      AND t.word >= prefix_lead.lead AND t.word < prefix_lead.lead || chr(1114111)
                    WHERE (s.owner IS NULL OR t.owner_id = s.owner) AND t.id <> ALL (whole.ids) AND %s
                    ORDER BY t.length, t.id LIMIT :limit - cardinality(whole.ids)) p
            ) h
            JOIN search_documents d ON d.type = s.type AND d.id = h.id
            ORDER BY h.score DESC, h.place, s.type, d.id""").formatted(WORDS, SCOPES, lead("t.word = w"),
            matches("t", "q.every", hasWord("t")), lead("t.word >= w AND t.word < w || chr(1114111)"),
            matches("t", "q.beginnings", hasPrefix("t")));

    /** The documents of the type (and owner) that have the word {@code a.word}, in rank order. */
    private static final String HAVING_WORD = """
            SELECT t.type, t.id, t.length, t.words FROM search_terms t
            WHERE t.type = s.type AND t.word = a.word AND (s.owner IS NULL OR t.owner_id = s.owner)
            ORDER BY t.length, t.id""";

    /**
     * Per type, the documents the whole query is similar to ({@code :text <% search_text}: trigram word similarity
     * at least {@code pg_trgm.word_similarity_threshold}, the score, below 1) that are not among the {@link #MATCHES}
     * (some word of the query begins none of theirs). Only documents with a word alike a word of the query are
     * compared: the type's words ({@code search_vocabulary}, by its trigram index) that the query word is similar to
     * as a whole ({@code %}) or to a part of ({@code <%}), looked up once per type. Words of the query alike no word
     * of the type are left out, and the whole query's similarity decides whether the others suffice. Each word kept
     * brings its alike words' first {@code 2 × limit} documents in rank order (a document that has only it ranks by
     * the alike word, and fewer than {@code limit} of the type matched above): "Brightwater renewal" finds a lead of
     * Brightwater. With several kept, the one with the fewest documents (counted up to {@link #MANY}) also brings
     * the first {@link #MANY} of its alike words' documents that have an alike word of every other one ({@code
     * others}: a text search query of the type's alike words, which a row's {@code words} answer): "Sofia Novak"
     * finds "Sofia Nowak" among many of either.
     */
    private static final String SIMILAR = ("""
            WITH %1$s
            SELECT s.type, h.id, h.title, h.description, h.badge, h.score,
                   row_number() OVER (PARTITION BY s.type ORDER BY h.score DESC, h.length, h.id) AS place
            FROM q CROSS JOIN %2$s
            CROSS JOIN LATERAL (
                SELECT array_agg(w) AS words, array_agg(v.word) AS alike FROM unnest(q.words) w
                JOIN search_vocabulary v ON v.type = s.type AND (w <%% v.word OR w %% v.word)) pairs
            CROSS JOIN LATERAL (
                SELECT array_agg(w ORDER BY n, w) AS words FROM (
                    SELECT k.w, (SELECT count(*) FROM (
                        SELECT FROM unnest(pairs.words, pairs.alike) a(w, word) CROSS JOIN LATERAL (%3$s) t
                        WHERE a.w = k.w LIMIT CASE WHEN cardinality(q.words) = 1 THEN 1 ELSE %4$d END) r) AS n
                    FROM (SELECT DISTINCT w FROM unnest(pairs.words) w) k) counted) kept
            CROSS JOIN LATERAL (
                SELECT string_agg('(' || alike || ')', ' & ')::tsquery AS query FROM (
                    SELECT string_agg(%5$s, ' | ') AS alike FROM unnest(pairs.words, pairs.alike) a(w, word)
                    WHERE a.w <> kept.words[1] GROUP BY a.w) each_other) others
            CROSS JOIN LATERAL (
                SELECT ranked.* FROM (
                    SELECT c.type, c.id, c.length, c.words, d.title, d.description, d.badge,
                           word_similarity(:text, d.search_text) AS score
                    FROM (
                        SELECT t.type, t.id, t.length, t.words FROM unnest(pairs.words, pairs.alike) a(w, word)
                        CROSS JOIN LATERAL (%3$s LIMIT 2 * :limit) t
                        UNION
                        SELECT t.type, t.id, t.length, t.words FROM (
                            SELECT t.* FROM unnest(pairs.words, pairs.alike) a(w, word)
                            CROSS JOIN LATERAL (%3$s LIMIT %4$d) t
                            WHERE a.w = kept.words[1] AND cardinality(kept.words) > 1
                            ORDER BY t.length, t.id LIMIT %4$d) t
                        WHERE CASE WHEN t.words IS NULL THEN (SELECT count(DISTINCT a.w) FROM search_terms x
                                   JOIN unnest(pairs.words, pairs.alike) a(w, word) ON a.word = x.word
                                   WHERE x.type = t.type AND x.id = t.id AND a.w <> kept.words[1])
                                = cardinality(kept.words) - 1 ELSE t.words @@ others.query END
                    ) c
                    JOIN search_documents d ON d.type = c.type AND d.id = c.id
                    WHERE :text <%% d.search_text
                    ORDER BY score DESC, c.length, c.id OFFSET 0) ranked
                -- in rank order, so that only the candidates up to the limit are checked (OFFSET 0: not before)
                WHERE NOT %6$s LIMIT :limit
            ) h
            ORDER BY h.score DESC, place, s.type, h.id""")
            .formatted(WORDS, SCOPES, HAVING_WORD, MANY, lexeme("a.word"),
                    matches("ranked", "q.beginnings", hasPrefix("ranked")));

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate readOnly;

    public SearchIndex(NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
    }

    /**
     * Both statements with the plan PostgreSQL caches for any query: a plan made for the query's own words would
     * look cheaper (it knows how many there are), so PostgreSQL would plan every search again (2 to 4 ms, more than
     * running it), while the cached one serves every query in the same index order. That plan's cost, estimated for
     * any number of words, passes the JIT threshold, and compiling it (30 ms) would cost more than the search; the
     * statements stop after a few index rows, which JIT cannot speed up.
     */
    @QueryHandler
    public SearchResults handle(Search search) {
        return readOnly.execute(status -> {
            jdbc.getJdbcTemplate().execute("SET LOCAL plan_cache_mode = force_generic_plan; SET LOCAL jit = off");
            return search(search);
        });
    }

    private SearchResults search(Search search) {
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
