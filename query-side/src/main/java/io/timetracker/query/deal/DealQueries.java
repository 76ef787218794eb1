package io.timetracker.query.deal;

import io.timetracker.query.common.PageRequest;

public final class DealQueries {

    private DealQueries() {
    }

    /** Answers {@code Versioned<DealView>}, or null (also for a deleted deal). */
    public record FindDeal(long dealId) {
    }

    /**
     * Answers {@code PageResult<DealView>}, newest first (then id, descending). {@code status} null: all; the other
     * filters null: any.
     */
    public record ListDeals(String status, String stage, Long ownerId, PageRequest page) {
    }
}
