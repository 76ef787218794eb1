package io.timetracker.query.client;

import io.timetracker.query.common.PageRequest;

public final class ClientQueries {

    private ClientQueries() {
    }

    /** Answers {@code Versioned<ClientView>}, or null. */
    public record FindClient(long clientId) {
    }

    /** Answers {@code PageResult<ClientView>} ordered by name then id; {@code status}: active, inactive or all. */
    public record ListClients(String status, PageRequest page) {
    }
}
