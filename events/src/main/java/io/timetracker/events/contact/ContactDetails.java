package io.timetracker.events.contact;

/**
 * Everything about a client's contact that a user edits. {@code role}: contact, primary, billing, technical;
 * {@code tags}: a comma-separated string or null. At most one contact of a client is primary.
 */
public record ContactDetails(String firstName, String lastName, String email, String phone, String mobile,
                             String title, String department, String role, boolean isPrimary, String address,
                             String notes, String tags) {
}
