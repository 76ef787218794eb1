package io.timetracker.command.lead;

import io.timetracker.command.common.Actor;
import io.timetracker.command.common.TargetedCommand;
import io.timetracker.events.AggregateIds;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Makes the lead deal {@code dealId}, all or nothing, made {@code at}. The deal's name, stage, probability and
 * expected close date may be given (null: named after the lead, the first stage, 50, none); its value, currency and
 * owner are the lead's, and its client and contact those the lead became, if it became one.
 * {@code expectedVersion} (null: any) is the lead's.
 */
public record ConvertLeadToDeal(long leadId, Actor actor, long dealId, String name, String stage, Integer probability,
                                LocalDate expectedCloseDate, Instant at, Long expectedVersion)
        implements TargetedCommand {

    @Override
    public String aggregateId() {
        return AggregateIds.of(AggregateIds.LEAD, leadId);
    }
}
