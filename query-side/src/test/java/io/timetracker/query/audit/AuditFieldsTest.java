package io.timetracker.query.audit;

import io.timetracker.events.approval.ApprovalGranted;
import io.timetracker.events.client.ClientArchived;
import io.timetracker.events.client.ClientDetails;
import io.timetracker.events.client.ClientUpdated;
import io.timetracker.events.project.ProjectStatusChanged;
import io.timetracker.events.timeentry.TimeEntryCreated;
import io.timetracker.events.timeentry.TimeEntryDetails;
import io.timetracker.events.timeentry.TimerPaused;
import io.timetracker.events.timeentry.TimerResumed;
import io.timetracker.events.token.ApiTokenIssued;
import io.timetracker.events.token.ApiTokenRevoked;
import io.timetracker.events.user.UserPasswordChanged;
import io.timetracker.events.user.UserProfile;
import io.timetracker.events.user.UserRegistered;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** How events read in the audit log without any event type being named, and where the vocabulary steps in. */
class AuditFieldsTest {

    private static final Instant NINE = Instant.parse("2024-05-06T09:00:00.123456789Z");

    @Test
    void anEventsComponentsAreItsFieldsInSnakeCaseWithoutTheEntitysOwnId() {
        TimeEntryDetails entry = new TimeEntryDetails(7, 3L, 2, null, NINE, null, 0, null, "notes", "a,b", true,
                false, null);

        Map<String, Object> fields = AuditFields.of(new TimeEntryCreated(12, entry, "timer"), 12);

        assertThat(fields).doesNotContainKeys("entry_id", "entry").contains(entry("user_id", 7L),
                entry("project_id", 3L), entry("client_id", 2L), entry("start_time", "2024-05-06T09:00:00.123456Z"),
                entry("notes", "notes"), entry("billable", true), entry("source", "timer"));
        assertThat(fields).containsKey("task_id").containsEntry("task_id", null);
    }

    @Test
    void nestedMapsAndListsStayValues() {
        Map<String, Object> fields = AuditFields.of(new ClientUpdated(4, new ClientDetails("Acme", null, null, null,
                null, null, null, new BigDecimal("95.50"), Map.of("vat", "DE1"))), 4);

        assertThat(fields).containsEntry("custom_fields", Map.of("vat", "DE1"))
                .containsEntry("default_hourly_rate", new BigDecimal("95.50"));
    }

    @Test
    void noSecretIsEverAField() {
        UserProfile profile = new UserProfile("a@b.test", "A B", "user", null, null, null);
        assertThat(AuditFields.of(new UserRegistered(5, "ann", profile, "$2a$10$hash"), 5))
                .doesNotContainKey("password_hash").doesNotContainValue("$2a$10$hash")
                .containsEntry("username", "ann").containsEntry("is_active", true);
        assertThat(AuditFields.of(new UserPasswordChanged(5, "$2a$10$other"), 5)).isEmpty();
        ApiTokenIssued issued = new ApiTokenIssued(9, 5, "ci", null, "digest-of-the-token", "tt_abcde",
                List.of("read:*"), null, List.of(), null);
        assertThat(AuditFields.of(issued, 9)).doesNotContainKey("token_digest")
                .doesNotContainValue("digest-of-the-token").containsEntry("token_prefix", "tt_abcde")
                .containsEntry("scopes", List.of("read:*"));
    }

    @Test
    void theVocabularyAddsWhatAnEventImplies() {
        assertThat(AuditFields.of(new TimerResumed(12, 7, NINE, 300), 12)).containsEntry("paused_at", null)
                .containsEntry("break_seconds", 300L);
        assertThat(AuditFields.of(new ClientArchived(4), 4)).containsExactly(entry("is_active", false));
    }

    @Test
    void theActionIsTheEventsNameWithoutTheEntitys() {
        assertThat(AuditVocabulary.action(TimeEntryCreated.class, "time_entry")).isEqualTo("created");
        assertThat(AuditVocabulary.action(TimerPaused.class, "time_entry")).isEqualTo("timer_paused");
        assertThat(AuditVocabulary.action(ApiTokenRevoked.class, "api_token")).isEqualTo("revoked");
        assertThat(AuditVocabulary.action(ProjectStatusChanged.class, "project")).isEqualTo("status_changed");
        assertThat(AuditVocabulary.action(UserPasswordChanged.class, "user")).isEqualTo("password_changed");
        assertThat(AuditVocabulary.action(UserRegistered.class, "user")).isEqualTo("created");
        assertThat(AuditVocabulary.entityType("time-entry")).isEqualTo("time_entry");
        assertThat(AuditVocabulary.entityType("api-token")).isEqualTo("api_token");
    }

    @Test
    void anApprovalIsAnEntityOfItsOwnInsideItsEntrysStream() {
        ApprovalGranted granted = new ApprovalGranted(31, 12, 2, 5, "fine", true);

        assertThat(AuditVocabulary.embeddedEntityType(ApprovalGranted.class)).isEqualTo("approval");
        assertThat(AuditVocabulary.embeddedEntityType(TimeEntryCreated.class)).isNull();
        assertThat(AuditFields.firstId(granted)).isEqualTo(31);
        assertThat(AuditVocabulary.action(ApprovalGranted.class, "approval")).isEqualTo("approved");
        assertThat(AuditFields.of(granted, 31)).doesNotContainKey("approval_id").contains(entry("entry_id", 12L),
                entry("approved_by", 5L), entry("status", "approved"), entry("entry_approved", true));
    }
}
