package io.timetracker.api.search;

import io.timetracker.api.auth.Caller;
import io.timetracker.api.auth.RequiresScope;
import io.timetracker.api.web.ApiException;
import io.timetracker.api.web.Queries;
import io.timetracker.api.web.RequestContext;
import io.timetracker.query.search.SearchQueries.Hit;
import io.timetracker.query.search.SearchQueries.Search;
import io.timetracker.query.search.SearchQueries.SearchResults;
import io.timetracker.query.search.SearchQueries.TypeScope;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Contract §8, search: {@code q} (at least 2 characters after trimming), {@code limit} per type (1..50, default
 * 10), {@code types} (a comma list; default all). Each type shows only what the caller may see; best matches first.
 */
@RestController
public class SearchController {

    static final int MIN_QUERY = 2;
    static final int MAX_QUERY = 200;
    static final int MAX_LIMIT = 50;
    static final int DEFAULT_LIMIT = 10;
    private static final Pattern DIGITS = Pattern.compile("\\d{1,3}");

    private final Queries queries;

    public SearchController(Queries queries) {
        this.queries = queries;
    }

    @GetMapping("/api/v1/search")
    @RequiresScope("read:projects")
    public Map<String, Object> search(HttpServletRequest request) {
        Caller caller = RequestContext.caller(request);
        String text = text(request);
        int limit = limit(request);
        Map<String, SearchType> categories = new LinkedHashMap<>();
        List<TypeScope> scopes = new ArrayList<>();
        for (SearchType type : types(request)) {
            TypeScope scope = type.scopeFor(caller);
            if (scope != null) {
                scopes.add(scope);
                categories.put(type.parameter(), type);
            }
        }
        List<Hit> hits = queries.get(new Search(text, scopes, limit), SearchResults.class).hits();
        List<Map<String, Object>> results = new ArrayList<>();
        for (Hit hit : hits) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("type", hit.type());
            result.put("category", categories.get(hit.type()).category());
            result.put("id", hit.id());
            result.put("title", hit.title());
            result.put("description", hit.description());
            result.put("badge", hit.badge());
            results.add(result);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("results", results);
        body.put("query", text);
        body.put("count", results.size());
        body.put("partial", false);
        body.put("errors", Map.of());
        return body;
    }

    private static String text(HttpServletRequest request) {
        String text = Objects.requireNonNullElse(request.getParameter("q"), "").strip();
        if (text.length() < MIN_QUERY) {
            throw ApiException.validation("q", "Must be at least " + MIN_QUERY + " characters");
        }
        if (text.length() > MAX_QUERY) {
            throw ApiException.validation("q", "Must be at most " + MAX_QUERY + " characters");
        }
        return text;
    }

    private static int limit(HttpServletRequest request) {
        String value = request.getParameter("limit");
        if (value == null || value.isBlank()) {
            return DEFAULT_LIMIT;
        }
        int limit = DIGITS.matcher(value.strip()).matches() ? Integer.parseInt(value.strip()) : 0;
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiException.validation("limit", "Must be an integer from 1 to " + MAX_LIMIT);
        }
        return limit;
    }

    private static Set<SearchType> types(HttpServletRequest request) {
        String value = request.getParameter("types");
        if (value == null || value.isBlank()) {
            return new LinkedHashSet<>(List.of(SearchType.values()));
        }
        Set<SearchType> types = new LinkedHashSet<>();
        // a trailing or doubled comma names nothing
        for (String name : value.split(",")) {
            if (name.isBlank()) {
                continue;
            }
            SearchType type = SearchType.named(name.strip().toLowerCase(java.util.Locale.ROOT));
            if (type == null) {
                throw ApiException.validation("types", "Unknown type '" + name.strip() + "'; known: "
                        + String.join(", ", SearchType.NAMES));
            }
            types.add(type);
        }
        return types;
    }
}
