package io.timetracker.events.deal;

public record DealDeleted(long dealId) {
}
