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
import java.util.List;

/**
 * Answers searches from {@code search_documents} in one statement: a document matches when it has every word of the
 * query (full text, case-insensitive, on its stored words) or the query is similar to a part of its text (trigram
 * word similarity: partial words, typos), and it is of a type the caller may search (of the owned types, only the
 * caller's own). Whole-word matches rank first, then by similarity; each type keeps its best {@code limit}.
 */
@Component
public class SearchIndex {

    private static final String SEARCH = """
            SELECT type, id, title, description, badge, score FROM (
                SELECT d.type, d.id, d.title, d.description, d.badge, s.score,
                       row_number() OVER (PARTITION BY d.type ORDER BY s.score DESC, d.id) AS place
                FROM search_documents d CROSS JOIN plainto_tsquery('simple', :text) q(words)
                CROSS JOIN LATERAL (SELECT (CASE WHEN d.search_words @@ q.words THEN 1 ELSE 0 END)
                                           + word_similarity(:text, d.search_text) AS score) s
                WHERE (d.search_words @@ q.words OR :text <%% d.search_text) AND (%s)
            ) ranked WHERE place <= :limit ORDER BY score DESC, type, id""";

    private final NamedParameterJdbcTemplate jdbc;

    public SearchIndex(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public SearchResults handle(Search search) {
        if (search.types().isEmpty()) {
            return new SearchResults(List.of());
        }
        MapSqlParameterSource params = new MapSqlParameterSource("text", search.text())
                .addValue("limit", search.limit());
        List<String> types = new ArrayList<>();
        for (TypeScope scope : search.types()) {
            int n = types.size();
            params.addValue("type" + n, scope.type()).addValue("owner" + n, scope.ownerId());
            types.add(scope.ownerId() == null ? "d.type = :type" + n
                    : "(d.type = :type" + n + " AND d.owner_id = :owner" + n + ")");
        }
        return new SearchResults(jdbc.query(SEARCH.formatted(String.join(" OR ", types)), params,
                (rs, row) -> new Hit(rs.getString("type"), rs.getLong("id"), rs.getString("title"),
                        rs.getString("description"), rs.getString("badge"), rs.getDouble("score"))));
    }
}
