package io.timetracker.events.project;

public record ProjectCreated(long projectId, ProjectDetails details) {
}
