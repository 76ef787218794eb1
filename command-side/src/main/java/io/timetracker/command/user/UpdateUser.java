package io.timetracker.command.user;

import io.timetracker.command.common.TargetedCommand;
import io.timetracker.events.AggregateIds;
import io.timetracker.events.user.UserProfile;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Sets the user's profile and active flag; {@code newPasswordHash} replaces the password when not null.
 * {@code expectedVersion} (null: any) guards against lost updates.
 */
public record UpdateUser(long userId, UserProfile profile, boolean active, String newPasswordHash,
                         @TargetAggregateVersion Long expectedVersion) implements TargetedCommand {

    @Override
    @TargetAggregateIdentifier
    public String aggregateId() {
        return AggregateIds.of(AggregateIds.USER, userId);
    }
}
