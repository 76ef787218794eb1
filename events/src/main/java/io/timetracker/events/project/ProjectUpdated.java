package io.timetracker.events.project;

/** The project's details now read {@code details} (the whole new state). */
public record ProjectUpdated(long projectId, ProjectDetails details) {
}
