package io.timetracker.query.audit;

import io.timetracker.events.approval.ApprovalCancelled;
import io.timetracker.events.approval.ApprovalGranted;
import io.timetracker.events.approval.ApprovalRejected;
import io.timetracker.events.approval.ApprovalRequested;
import io.timetracker.events.approval.ApprovalRevoked;
import io.timetracker.events.client.ClientArchived;
import io.timetracker.events.client.ClientCreated;
import io.timetracker.events.client.ClientReactivated;
import io.timetracker.events.contact.ContactCreated;
import io.timetracker.events.contact.ContactDeleted;
import io.timetracker.events.contact.ContactPrimaryCleared;
import io.timetracker.events.lead.LeadConvertedToClient;
import io.timetracker.events.lead.LeadConvertedToDeal;
import io.timetracker.events.timeentry.TimerResumed;
import io.timetracker.events.timeentry.TimerStopped;
import io.timetracker.events.token.ApiTokenIssued;
import io.timetracker.events.user.UserDeactivated;
import io.timetracker.events.user.UserProfileChanged;
import io.timetracker.events.user.UserReactivated;
import io.timetracker.events.user.UserRegistered;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How events read in the audit log. Most of it follows from the event itself: the entity is its aggregate (identifier
 * {@code time-entry-12} is entity {@code time_entry} 12), the action is the event's name without the entity's
 * ({@code TimeEntryUpdated} is {@code updated}, {@code TimerPaused} is {@code timer_paused}), and the changed fields
 * are the event's components (see {@link AuditFields}). This is the one place where an event type that reads wrongly
 * that way says what it means instead: an aggregate type whose entity has another name, an action with a common
 * name, fields an event implies without carrying them. A new event type needs an entry only for that.
 */
final class AuditVocabulary {

    /** Aggregate types whose entity type is not the aggregate type in snake case (none so far). */
    private static final Map<String, String> ENTITY_TYPES = Map.of();

    /**
     * Events about an entity that lives inside another entity's aggregate (an approval request is decided by its
     * time entry, so its events are in the entry's stream): the entity type; its id is the event's first component.
     */
    private static final Map<Class<?>, String> EMBEDDED_ENTITIES = Map.of(
            ApprovalRequested.class, "approval",
            ApprovalGranted.class, "approval",
            ApprovalRejected.class, "approval",
            ApprovalCancelled.class, "approval",
            ApprovalRevoked.class, "approval");

    /** Events that make something new, under the action every other creation has. */
    private static final Map<Class<?>, String> ACTIONS = Map.of(
            UserRegistered.class, "created",
            UserProfileChanged.class, "updated",
            ApiTokenIssued.class, "created",
            ApprovalGranted.class, "approved");

    /** Fields an event sets without carrying them. */
    private static final Map<Class<?>, Map<String, Object>> IMPLIED = Map.ofEntries(
            Map.entry(TimerResumed.class, nullValued("paused_at")),
            Map.entry(TimerStopped.class, nullValued("paused_at")),
            Map.entry(UserRegistered.class, Map.of("is_active", true)),
            Map.entry(UserDeactivated.class, Map.of("is_active", false)),
            Map.entry(UserReactivated.class, Map.of("is_active", true)),
            Map.entry(ClientCreated.class, Map.of("is_active", true)),
            Map.entry(ClientArchived.class, Map.of("is_active", false)),
            Map.entry(ClientReactivated.class, Map.of("is_active", true)),
            Map.entry(ApprovalRequested.class, Map.of("status", "pending")),
            Map.entry(ApprovalGranted.class, Map.of("status", "approved")),
            Map.entry(ApprovalRejected.class, Map.of("status", "rejected")),
            Map.entry(ApprovalCancelled.class, Map.of("status", "cancelled")),
            Map.entry(ContactCreated.class, Map.of("is_active", true)),
            Map.entry(ContactDeleted.class, Map.of("is_active", false, "is_primary", false)),
            Map.entry(ContactPrimaryCleared.class, Map.of("is_primary", false)),
            Map.entry(LeadConvertedToClient.class, Map.of("status", "converted")),
            Map.entry(LeadConvertedToDeal.class, Map.of("status", "converted")));

    /** Deletions that keep the entity readable (a soft delete): its fields stay, only the implied ones change. */
    private static final Set<Class<?>> SOFT_DELETIONS = Set.of(ContactDeleted.class);

    private static final String DELETED = "deleted";

    /**
     * Parts of a component name that mark a secret or what a secret could be checked against (a password hash, a token
     * digest): such a component is never recorded, whatever event carries it.
     */
    private static final List<String> SECRET_NAME_PARTS = List.of("password", "digest", "hash", "secret", "plain");

    private AuditVocabulary() {
    }

    /** The entity type of an aggregate type ({@code time-entry}: {@code time_entry}). */
    static String entityType(String aggregateType) {
        return ENTITY_TYPES.getOrDefault(aggregateType, aggregateType.replace('-', '_'));
    }

    /** The entity type of an event about an entity embedded in its aggregate, or null when its entity is the aggregate. */
    static String embeddedEntityType(Class<?> eventType) {
        return EMBEDDED_ENTITIES.get(eventType);
    }

    static String action(Class<?> eventType, String entityType) {
        String declared = ACTIONS.get(eventType);
        if (declared != null) {
            return declared;
        }
        String name = eventType.getSimpleName();
        String entity = camelCase(entityType);
        return snakeCase(name.startsWith(entity) && name.length() > entity.length()
                ? name.substring(entity.length()) : name);
    }

    /** Whether the entity has no fields left after the event: every field it had changes to null. */
    static boolean clearsFields(Class<?> eventType, String action) {
        return DELETED.equals(action) && !SOFT_DELETIONS.contains(eventType);
    }

    static Map<String, Object> implied(Class<?> eventType) {
        return IMPLIED.getOrDefault(eventType, Map.of());
    }

    static boolean isSecret(String componentName) {
        String name = componentName.toLowerCase(Locale.ROOT);
        return SECRET_NAME_PARTS.stream().anyMatch(name::contains);
    }

    /** {@code timeEntryId}: {@code time_entry_id}. */
    static String snakeCase(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    private static String camelCase(String snakeCase) {
        StringBuilder camel = new StringBuilder();
        for (String part : snakeCase.split("_")) {
            if (!part.isEmpty()) {
                camel.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return camel.toString();
    }

    private static Map<String, Object> nullValued(String field) {
        Map<String, Object> fields = new HashMap<>();
        fields.put(field, null);
        return fields;
    }
}
