package io.timetracker.query.project;

import io.timetracker.query.common.PageRequest;

public final class ProjectQueries {

    private ProjectQueries() {
    }

    /** Answers {@code Versioned<ProjectView>}, or null. */
    public record FindProject(long projectId) {
    }

    /**
     * Answers {@code PageResult<ProjectView>} ordered by name then id. {@code status}: active, inactive,
     * archived or all; {@code clientId} may be null.
     */
    public record ListProjects(String status, Long clientId, PageRequest page) {
    }
}
