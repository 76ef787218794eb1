package io.timetracker.query.search;

import java.util.List;

/** The query the search read model answers. */
public final class SearchQueries {

    private SearchQueries() {
    }

    /** One type to search: {@code ownerId} set limits it to that owner's documents. */
    public record TypeScope(String type, Long ownerId) {
    }

    /** Answers {@link SearchResults}: up to {@code limit} documents of each type, best matches first overall. */
    public record Search(String text, List<TypeScope> types, int limit) {
    }

    public record SearchResults(List<Hit> hits) {
    }

    /** {@code score}: higher is better; a whole-word match ranks above any partial or misspelt one. */
    public record Hit(String type, long id, String title, String description, String badge, double score) {
    }
}
