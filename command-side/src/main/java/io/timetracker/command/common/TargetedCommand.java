package io.timetracker.command.common;

/**
 * A command aimed at one aggregate. The API uses {@link #aggregateId()} to wait until the projections
 * have seen the events the command recorded (read-your-writes).
 */
public interface TargetedCommand {

    String aggregateId();
}
