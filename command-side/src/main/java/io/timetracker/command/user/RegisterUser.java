package io.timetracker.command.user;

import io.timetracker.command.common.TargetedCommand;
import io.timetracker.events.AggregateIds;
import io.timetracker.events.user.UserProfile;

/** {@code passwordHash} is already an adaptive hash, or null for a user who signs in with tokens only. */
public record RegisterUser(long userId, String username, UserProfile profile, String passwordHash)
        implements TargetedCommand {

    @Override
    public String aggregateId() {
        return AggregateIds.of(AggregateIds.USER, userId);
    }
}
