package io.timetracker.events.client;

import java.math.BigDecimal;
import java.util.Map;

/** Everything about a client that a user edits. */
public record ClientDetails(String name, String description, String contactPerson, String company,
                            String email, String phone, String address, BigDecimal defaultHourlyRate,
                            Map<String, Object> customFields) {
}
