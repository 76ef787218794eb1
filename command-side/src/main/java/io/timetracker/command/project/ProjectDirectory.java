package io.timetracker.command.project;

import io.timetracker.command.common.CommandRejectedException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * What other aggregates need to know of a project (its client, whether it is active, its manager), from the command
 * side's own {@code project_directory}. The project's command handlers record it in the transaction of their events,
 * so a reference is checked with one indexed read, without loading or locking the project.
 */
@Component
public class ProjectDirectory {

    private final JdbcTemplate jdbc;

    public ProjectDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void record(long projectId, long clientId, boolean active, Long managerId) {
        jdbc.update("""
                INSERT INTO project_directory (project_id, client_id, is_active, manager_id) VALUES (?, ?, ?, ?)
                ON CONFLICT (project_id) DO UPDATE SET client_id = EXCLUDED.client_id, is_active = EXCLUDED.is_active,
                       manager_id = EXCLUDED.manager_id""",
                projectId, clientId, active, managerId);
    }

    /** The project's manager, or null when it has none (or there is no such project). */
    public Long managerOf(long projectId) {
        List<Long> manager = jdbc.queryForList(
                "SELECT manager_id FROM project_directory WHERE project_id = ? AND manager_id IS NOT NULL", Long.class,
                projectId);
        return manager.isEmpty() ? null : manager.get(0);
    }

    public void requireActive(long projectId, String field) {
        requireActiveClientId(projectId, field);
    }

    /** The client of an active project, for what is booked on it. */
    public long requireActiveClientId(long projectId, String field) {
        List<Long> clientId = jdbc.queryForList(
                "SELECT client_id FROM project_directory WHERE project_id = ? AND is_active", Long.class, projectId);
        if (clientId.isEmpty()) {
            throw CommandRejectedException.invalid(field, "No active project with id " + projectId);
        }
        return clientId.get(0);
    }
}
