package io.timetracker.command.common;

/** Who sends a command, as far as a domain rule cares: admins may act on everyone's data. */
public record Actor(long userId, boolean admin) {

    /** Whether this actor may see and change data that belongs to {@code ownerId}. */
    public boolean mayActFor(long ownerId) {
        return admin || userId == ownerId;
    }
}
