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

/**
 * Answers searches from {@code search_documents}, best matches first in three tiers: documents with every word of
 * the query (score 2), then those with words that begin with each of its words (score 1) — both found by the GIN
 * index of the stored words, so a candidate costs no text processing — then, only for a type that has fewer than
 * {@code limit} of those, documents the query is similar to (trigram word similarity: typos, words found from their
 * middle; the score is the similarity, below 1). Within a tier a shorter text, a closer match, ranks first. Each
 * type keeps its best {@code limit}; a caller searches only the types it may (of an owned type, its own documents).
 */
@Component
public class SearchIndex {

    /** The query's words, and each of them as a prefix ({@code 'word':*}). */
    private static final String QUERY = "SELECT words, regexp_replace(words::text, '''( |$)', ''':*\\1', 'g')::tsquery"
            + " AS prefixes FROM plainto_tsquery('simple', :text) words";

    /** The documents with the query's words, or with words beginning with them. */
    private static final String WORDS = ranked("CASE WHEN d.search_words @@ q.words THEN 2 ELSE 1 END",
            "d.search_words @@ q.prefixes");

    /** The documents the query is similar to that did not match by their words. */
    private static final String SIMILAR = ranked("word_similarity(:text, d.search_text)",
            ":text <%% d.search_text AND NOT d.search_words @@ q.prefixes");

    /**
     * Each type's best {@code limit} documents by {@code score} where {@code condition} holds, a shorter text first
     * among equals; formatted with the query's relation and the types' condition.
     */
    private static String ranked(String score, String condition) {
        return """
                SELECT type, id, title, description, badge, score FROM (
                    SELECT d.type, d.id, d.title, d.description, d.badge, m.score,
                           row_number() OVER (PARTITION BY d.type ORDER BY m.score DESC, length(d.search_text), d.id)
                               AS place
                    FROM search_documents d CROSS JOIN (%s) q
                    CROSS JOIN LATERAL (SELECT {score} AS score) m
                    WHERE {condition} AND (%s)
                ) ranked WHERE place <= :limit ORDER BY score DESC, place, type, id"""
                .replace("{score}", score).replace("{condition}", condition);
    }

    private final NamedParameterJdbcTemplate jdbc;

    public SearchIndex(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public SearchResults handle(Search search) {
        List<Hit> hits = new ArrayList<>(query(WORDS, search, search.types()));
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
                .addValue("limit", search.limit());
        List<String> types = new ArrayList<>();
        for (TypeScope scope : scopes) {
            int n = types.size();
            params.addValue("type" + n, scope.type()).addValue("owner" + n, scope.ownerId());
            types.add(scope.ownerId() == null ? "d.type = :type" + n
                    : "(d.type = :type" + n + " AND d.owner_id = :owner" + n + ")");
        }
        return jdbc.query(statement.formatted(QUERY, String.join(" OR ", types)), params,
                (rs, row) -> new Hit(rs.getString("type"), rs.getLong("id"), rs.getString("title"),
                        rs.getString("description"), rs.getString("badge"), rs.getDouble("score")));
    }
}
