package io.timetracker.command.timeentry;

import io.timetracker.command.common.CommandRejectedException;
import io.timetracker.command.project.ProjectDirectory;
import io.timetracker.command.user.UserDirectory;
import org.springframework.stereotype.Component;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Who approves an entry (contract §6): the {@code approver_ids} given, one level each and in that order; else the
 * project's manager; else every admin (one level: any of them decides). An approver is an active admin or manager
 * and never the requester nor the entry's owner, so no one approves their own time. Read from the command side's
 * directories.
 */
@Component
public class Approvers {

    static final String FIELD = "approver_ids";

    private final UserDirectory users;
    private final ProjectDirectory projects;

    public Approvers(UserDirectory users, ProjectDirectory projects) {
        this.users = users;
        this.projects = projects;
    }

    /** The levels of the chain, each a list of the user ids any one of whom decides it. */
    List<List<Long>> chainFor(List<Long> approverIds, Long projectId, long requesterId, long ownerId) {
        if (approverIds != null && !approverIds.isEmpty()) {
            return named(approverIds, requesterId, ownerId);
        }
        Long manager = projectId == null ? null : projects.managerOf(projectId);
        if (manager != null && manager != requesterId && manager != ownerId && users.mayApprove(manager)) {
            return List.of(List.of(manager));
        }
        List<Long> admins = users.activeAdmins().stream().filter(id -> id != requesterId && id != ownerId).toList();
        if (admins.isEmpty()) {
            throw CommandRejectedException.invalid(FIELD, "No one but the requester may approve this entry; "
                    + "name an active admin or manager in approver_ids");
        }
        return List.of(admins);
    }

    /** Whether the user may still approve (their role or active flag may have changed since the request). */
    boolean mayApprove(long userId) {
        return users.mayApprove(userId);
    }

    private List<List<Long>> named(List<Long> approverIds, long requesterId, long ownerId) {
        Set<Long> seen = new HashSet<>();
        for (long id : approverIds) {
            if (!seen.add(id)) {
                throw CommandRejectedException.invalid(FIELD, "User " + id + " is named twice");
            }
            if (id == requesterId || id == ownerId) {
                throw CommandRejectedException.invalid(FIELD, "No one may approve their own time entry or request");
            }
            if (!users.mayApprove(id)) {
                throw CommandRejectedException.invalid(FIELD, "User " + id + " is no active admin or manager");
            }
        }
        return approverIds.stream().map(List::of).toList();
    }
}
