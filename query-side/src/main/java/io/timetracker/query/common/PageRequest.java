package io.timetracker.query.common;

/** A 1-based page of a list; the API has already clamped {@code perPage} to 1..100. */
public record PageRequest(int page, int perPage) {

    public long offset() {
        return (long) (page - 1) * perPage;
    }
}
