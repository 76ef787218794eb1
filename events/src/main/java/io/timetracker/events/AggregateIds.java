package io.timetracker.events;

/**
 * How each resource's numeric id becomes an event-store aggregate identifier. Numeric ids are allocated
 * per resource type, so the type prefix keeps {@code client 1} and {@code project 1} apart in the store.
 */
public final class AggregateIds {

    public static final String USER = "user";
    public static final String API_TOKEN = "api-token";
    public static final String CLIENT = "client";
    public static final String PROJECT = "project";
    public static final String TASK = "task";
    public static final String TIME_ENTRY = "time-entry";
    /** Approval requests have no stream of their own (their entry decides them); this names their ids. */
    public static final String TIME_ENTRY_APPROVAL = "time-entry-approval";
    public static final String CONTACT = "contact";
    public static final String DEAL = "deal";
    public static final String LEAD = "lead";

    private AggregateIds() {
    }

    public static String of(String type, long id) {
        return type + "-" + id;
    }
}
