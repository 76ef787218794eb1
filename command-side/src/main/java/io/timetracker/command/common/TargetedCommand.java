package io.timetracker.command.common;

/**
 * A command aimed at one aggregate. The API commits commands sent at the same moment together, but never two
 * aimed at the same {@link #aggregateId()} in one transaction.
 */
public interface TargetedCommand {

    String aggregateId();
}
