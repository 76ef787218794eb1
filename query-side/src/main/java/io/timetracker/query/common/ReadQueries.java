package io.timetracker.query.common;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * The two shapes of read every projection answers: one resource with its version (the API's ETag), and one
 * page of a list with the list's total in a single round trip ({@code count(*) OVER ()}; only a page past the
 * end needs a second, counting query).
 */
@Component
public class ReadQueries {

    private final NamedParameterJdbcTemplate jdbc;

    public ReadQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The single row {@code sql} finds, with its {@code version} column; null when there is none. */
    public <T> Versioned<T> one(String sql, MapSqlParameterSource params, RowMapper<T> mapper) {
        List<Versioned<T>> found = jdbc.query(sql, params,
                (rs, row) -> new Versioned<>(mapper.mapRow(rs, row), rs.getLong("version")));
        return found.isEmpty() ? null : found.get(0);
    }

    /**
     * @param select  a SELECT without ORDER BY/LIMIT; its FROM/WHERE part is reused for counting
     * @param orderBy the ORDER BY clause (must end in a unique key so pages are deterministic)
     */
    public <T> PageResult<T> page(String select, String orderBy, MapSqlParameterSource params,
                                  PageRequest page, RowMapper<T> mapper) {
        String sql = "SELECT paged.*, count(*) OVER () AS total_count FROM (" + select + ") paged "
                + orderBy + " LIMIT :limit OFFSET :offset";
        params.addValue("limit", page.perPage()).addValue("offset", page.offset());
        long[] total = {-1};
        List<T> items = new ArrayList<>();
        jdbc.query(sql, params, rs -> {
            total[0] = rs.getLong("total_count");
            items.add(mapper.mapRow(rs, items.size()));
        });
        if (total[0] < 0) {
            total[0] = page.page() == 1 ? 0
                    : jdbc.queryForObject("SELECT count(*) FROM (" + select + ") counted", params, Long.class);
        }
        return new PageResult<>(items, total[0]);
    }
}
