package io.timetracker.api.search;

import io.timetracker.api.auth.Caller;
import io.timetracker.query.search.SearchQueries.TypeScope;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What {@code /search} can find, and who may find what: a caller finds a type only with the scope that reads it,
 * and a type of owned things only their own (admins everything): time entries, deals and leads are their
 * owner's; contacts follow their client's visibility (clients belong to no one: whoever may read contacts). A new
 * type is one constant here and one search projection writing its documents.
 */
enum SearchType {

    PROJECT("Projects", "read:projects", false),
    TASK("Tasks", "read:tasks", false),
    CLIENT("Clients", "read:clients", false),
    ENTRY("Time entries", "read:time_entries", true),
    DEAL("Deals", "read:deals", true),
    LEAD("Leads", "read:leads", true),
    CONTACT("Contacts", "read:contacts", false);

    static final List<String> NAMES = Arrays.stream(values()).map(SearchType::parameter).toList();

    private final String category;
    private final String readScope;
    private final boolean owned;

    SearchType(String category, String readScope, boolean owned) {
        this.category = category;
        this.readScope = readScope;
        this.owned = owned;
    }

    String parameter() {
        return name().toLowerCase(Locale.ROOT);
    }

    String category() {
        return category;
    }

    /** What the caller may find of this type, or null when nothing. */
    TypeScope scopeFor(Caller caller) {
        if (!caller.hasScope(readScope)) {
            return null;
        }
        return new TypeScope(parameter(), owned && !caller.isAdmin() ? caller.userId() : null);
    }

    static SearchType named(String name) {
        return Arrays.stream(values()).filter(type -> type.parameter().equals(name)).findFirst().orElse(null);
    }
}
