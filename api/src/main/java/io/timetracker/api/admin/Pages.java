package io.timetracker.api.admin;

import io.timetracker.query.common.PageRequest;

/** Where a page of a list stands (which page of how many), for the pager under a table. */
public record Pages(int page, int perPage, long total) {

    Pages(PageRequest request, long total) {
        this(request.page(), request.perPage(), total);
    }

    public long last() {
        return Math.max(1, (total + perPage - 1) / perPage);
    }
}
