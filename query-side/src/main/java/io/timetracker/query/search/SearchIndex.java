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
 * Answers searches from {@code search_documents}: a document matches when it has every word of the query (full
 * text, case-insensitive) or the query is similar to a part of its text (trigram word similarity: partial words,
 * typos). Whole-word matches rank first, then by similarity, each type limited on its own.
 */
@Component
public class SearchIndex {

    private static final String SEARCH_TYPE = """
            SELECT d.type, d.id, d.title, d.description, d.badge,
                   (CASE WHEN to_tsvector('simple', d.search_text) @@ q.words THEN 1 ELSE 0 END)
                       + word_similarity(:text, d.search_text) AS score
            FROM search_documents d, plainto_tsquery('simple', :text) q(words)
            WHERE d.type = :type AND (to_tsvector('simple', d.search_text) @@ q.words OR :text <%% d.search_text)%s
            ORDER BY score DESC, d.id LIMIT :limit""";

    private final NamedParameterJdbcTemplate jdbc;

    public SearchIndex(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public SearchResults handle(Search search) {
        List<Hit> hits = new ArrayList<>();
        for (TypeScope scope : search.types()) {
            MapSqlParameterSource params = new MapSqlParameterSource("text", search.text())
                    .addValue("type", scope.type()).addValue("limit", search.limit())
                    .addValue("ownerId", scope.ownerId());
            hits.addAll(jdbc.query(SEARCH_TYPE.formatted(scope.ownerId() == null ? "" : " AND d.owner_id = :ownerId"),
                    params, (rs, row) -> new Hit(rs.getString("type"), rs.getLong("id"), rs.getString("title"),
                            rs.getString("description"), rs.getString("badge"), rs.getDouble("score"))));
        }
        hits.sort(Comparator.comparingDouble(Hit::score).reversed());
        return new SearchResults(hits);
    }
}
