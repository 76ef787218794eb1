package io.timetracker.command.task;

import io.timetracker.command.common.CommandRejectedException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which project a task belongs to, from the command side's {@code task_directory}, which the task's command
 * handlers record in the transaction of their events; time entries check their task with it.
 */
@Component
public class TaskDirectory {

    private final JdbcTemplate jdbc;

    public TaskDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void record(long taskId, long projectId, boolean deleted) {
        jdbc.update("""
                INSERT INTO task_directory (task_id, project_id, is_deleted) VALUES (?, ?, ?)
                ON CONFLICT (task_id) DO UPDATE SET project_id = EXCLUDED.project_id, is_deleted = EXCLUDED.is_deleted""",
                taskId, projectId, deleted);
    }

    /** Time may be booked on the task under the project: it exists, is not deleted and belongs to it. */
    public void requireInProject(long taskId, long projectId, String field) {
        if (jdbc.queryForList("SELECT 1 FROM task_directory WHERE task_id = ? AND project_id = ? AND NOT is_deleted",
                Integer.class, taskId, projectId).isEmpty()) {
            throw CommandRejectedException.invalid(field, "Task " + taskId + " does not belong to project " + projectId);
        }
    }
}
