package io.timetracker.command.timeentry;

import io.timetracker.command.client.ClientDirectory;
import io.timetracker.command.common.Actor;
import io.timetracker.command.common.CommandRejectedException;
import io.timetracker.command.common.Rejection;
import io.timetracker.command.project.ProjectDirectory;
import io.timetracker.command.task.TaskDirectory;
import io.timetracker.command.user.UserDirectory;
import io.timetracker.events.timeentry.TimeEntryDetails;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The rules a time entry's content obeys (contract §5): times and break, text lengths, its project or client
 * (a project brings its client and must be active), its task (of that project), who may book for whom, and
 * how the duration is computed and rounded ({@code timetracker.time-entries.rounding-minutes}, 1 = none).
 * References are checked against the referenced aggregates, and only when they change, so an entry on a
 * project archived later can still be corrected.
 */
@Component
public class TimeEntryRules {

    public static final int MAX_NOTES = 5000;
    public static final int MAX_TAGS = 500;

    private final ProjectDirectory projects;
    private final ClientDirectory clients;
    private final TaskDirectory tasks;
    private final UserDirectory users;
    private final long roundingSeconds;

    public TimeEntryRules(ProjectDirectory projects, ClientDirectory clients, TaskDirectory tasks,
                          UserDirectory users,
                          @Value("${timetracker.time-entries.rounding-minutes:1}") int roundingMinutes) {
        this.projects = projects;
        this.clients = clients;
        this.tasks = tasks;
        this.users = users;
        this.roundingSeconds = Math.max(roundingMinutes, 1) * 60L;
    }

    /** Non-admins book only for themselves; admins for any active user. */
    public void requireMayBookFor(Actor actor, long userId) {
        if (actor.userId() == userId) {
            return;
        }
        if (!actor.admin()) {
            throw new CommandRejectedException(Rejection.FORBIDDEN,
                    "Only administrators may record time for other users");
        }
        if (!users.isActive(userId)) {
            throw new CommandRejectedException(Rejection.FORBIDDEN, "No active user with id " + userId);
        }
    }

    /**
     * Validates {@code input} as the new state of an entry of {@code userId} that read {@code before} (null on
     * create) and returns what is to be recorded.
     */
    public TimeEntryDetails details(long userId, EntryInput input, TimeEntryDetails before) {
        requireValidTimes(input);
        requireLength("notes", input.notes(), MAX_NOTES);
        requireLength("tags", input.tags(), MAX_TAGS);
        long clientId = clientOf(input, before);
        requireTaskInProject(input, before);
        Long duration = input.endTime() == null ? null
                : durationSeconds(input.startTime(), input.endTime(), input.breakSeconds());
        return new TimeEntryDetails(userId, input.projectId(), clientId, input.taskId(), input.startTime(),
                input.endTime(), input.breakSeconds(), duration, input.notes(), input.tags(), input.billable(),
                input.paid(), input.invoiceNumber());
    }

    /** end − start − break in seconds, never negative, rounded to the configured minutes (half up). */
    public long durationSeconds(Instant start, Instant end, long breakSeconds) {
        long raw = Math.max(Duration.between(start, end).toSeconds() - breakSeconds, 0);
        if (roundingSeconds == 60) {
            return raw;
        }
        return (raw + roundingSeconds / 2) / roundingSeconds * roundingSeconds;
    }

    private static void requireValidTimes(EntryInput input) {
        if (input.startTime() == null) {
            throw CommandRejectedException.invalid("start_time", "Is required");
        }
        if (input.breakSeconds() < 0) {
            throw CommandRejectedException.invalid("break_seconds", "Must not be negative");
        }
        if (input.endTime() == null) {
            return;
        }
        if (!input.endTime().isAfter(input.startTime())) {
            throw CommandRejectedException.invalid("end_time", "Must be after start_time");
        }
        if (input.breakSeconds() > 0
                && input.breakSeconds() >= Duration.between(input.startTime(), input.endTime()).toSeconds()) {
            throw CommandRejectedException.invalid("break_seconds",
                    "Must be shorter than the time between start_time and end_time");
        }
    }

    private static void requireLength(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw CommandRejectedException.invalid(field, "Must be at most " + max + " characters");
        }
    }

    /** With a project the client is the project's (a given client_id is then ignored); else the given client. */
    private long clientOf(EntryInput input, TimeEntryDetails before) {
        if (input.projectId() != null) {
            boolean sameProject = before != null && input.projectId().equals(before.projectId());
            return sameProject ? before.clientId() : projects.requireActiveClientId(input.projectId(), "project_id");
        }
        if (input.clientId() == null) {
            throw CommandRejectedException.invalid("project_id", "Either project_id or client_id is required");
        }
        boolean sameClient = before != null && before.projectId() == null
                && input.clientId() == before.clientId();
        if (!sameClient) {
            clients.requireActive(input.clientId(), "client_id");
        }
        return input.clientId();
    }

    private void requireTaskInProject(EntryInput input, TimeEntryDetails before) {
        if (input.taskId() == null) {
            return;
        }
        if (input.projectId() == null) {
            throw CommandRejectedException.invalid("task_id", "A task needs the entry's project_id");
        }
        boolean unchanged = before != null && Objects.equals(input.taskId(), before.taskId())
                && Objects.equals(input.projectId(), before.projectId());
        if (!unchanged) {
            tasks.requireInProject(input.taskId(), input.projectId(), "task_id");
        }
    }
}
