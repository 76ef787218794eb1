package io.timetracker.query.timeentry;

import io.timetracker.events.AggregateIds;
import io.timetracker.events.approval.ApprovalCancelled;
import io.timetracker.events.approval.ApprovalGranted;
import io.timetracker.events.approval.ApprovalRejected;
import io.timetracker.events.approval.ApprovalRequested;
import io.timetracker.events.approval.ApprovalRevoked;
import io.timetracker.events.timeentry.TimeEntryCreated;
import io.timetracker.events.timeentry.TimeEntryDeleted;
import io.timetracker.events.timeentry.TimeEntryDetails;
import io.timetracker.events.timeentry.TimeEntryUpdated;
import io.timetracker.events.timeentry.TimerPaused;
import io.timetracker.events.timeentry.TimerResumed;
import io.timetracker.events.timeentry.TimerStopped;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Builds an entry's history from its own event stream (the system of record, so deleted entries keep theirs):
 * each event is replayed onto the entry's fields and the fields it changed are reported with their old and new
 * values (approval events change {@code approval_status} and {@code is_locked}; the amendment of an approved entry
 * shows the approved version as the {@code from} of each field). Who acted and through which token come from each
 * event's metadata (a rejection's reason from the event); usernames and token prefixes are
 * looked up in one query each for the whole trail. The stream is read from its first event, never from a snapshot.
 */
@Component
public class TimeEntryHistory {

    private final EventStore events;
    private final NamedParameterJdbcTemplate jdbc;

    public TimeEntryHistory(EventStore events, NamedParameterJdbcTemplate jdbc) {
        this.events = events;
        this.jdbc = jdbc;
    }

    @QueryHandler
    public EntryHistory handle(TimeEntryQueries.FindEntryHistory query) {
        List<DomainEventMessage<?>> stream = events
                .readEvents(AggregateIds.of(AggregateIds.TIME_ENTRY, query.entryId()), 0).asStream()
                .<DomainEventMessage<?>>map(message -> message).toList();
        if (stream.isEmpty()) {
            return null;
        }
        Map<Long, String> usernames = lookup("SELECT id, username AS name FROM users WHERE id IN (:ids)",
                idsIn(stream, "userId"));
        Map<Long, String> tokenPrefixes = lookup("SELECT id, token_prefix AS name FROM api_tokens WHERE id IN (:ids)",
                idsIn(stream, "tokenId"));
        Map<String, Object> fields = new LinkedHashMap<>();
        List<EntryHistory.Change> changes = new ArrayList<>();
        long ownerId = 0;
        boolean deleted = false;
        for (DomainEventMessage<?> message : stream) {
            Object event = message.getPayload();
            Map<String, Object> before = new LinkedHashMap<>(fields);
            String action = apply(event, fields);
            if (event instanceof TimeEntryCreated created) {
                ownerId = created.entry().userId();
            }
            deleted |= event instanceof TimeEntryDeleted;
            Long actorId = number(message.getMetaData().get("userId"));
            Long tokenId = number(message.getMetaData().get("tokenId"));
            changes.add(new EntryHistory.Change(message.getTimestamp(), action,
                    new EntryHistory.Actor(actorId, actorId == null ? null : usernames.get(actorId)),
                    tokenId == null ? null : tokenPrefixes.get(tokenId),
                    reasonOf(event, message), diff(before, fields)));
        }
        return new EntryHistory(ownerId, deleted, changes);
    }

    /** The client's reason; a rejection's is its own (it may have come as {@code rejection_reason}). */
    private static String reasonOf(Object event, DomainEventMessage<?> message) {
        String given = (String) message.getMetaData().get("reason");
        return given == null && event instanceof ApprovalRejected rejected ? rejected.reason() : given;
    }

    /** Applies one event to the entry's fields and names the action it stands for. */
    private static String apply(Object event, Map<String, Object> fields) {
        if (event instanceof TimeEntryCreated created) {
            put(fields, created.entry());
            fields.put("source", created.source());
            approval(fields, "none");
            return "created";
        }
        String approvalAction = applyApproval(event, fields);
        if (approvalAction != null) {
            return approvalAction;
        }
        if (event instanceof TimeEntryUpdated updated) {
            put(fields, updated.entry());
            return "updated";
        }
        if (event instanceof TimerPaused paused) {
            fields.put("paused_at", paused.pausedAt());
            return "timer_paused";
        }
        if (event instanceof TimerResumed resumed) {
            fields.put("paused_at", null);
            fields.put("break_seconds", resumed.breakSeconds());
            return "timer_resumed";
        }
        if (event instanceof TimerStopped stopped) {
            put(fields, stopped.entry());
            fields.put("paused_at", null);
            return "timer_stopped";
        }
        if (event instanceof TimeEntryDeleted) {
            fields.clear();
            return "deleted";
        }
        return "unknown";
    }

    /** The action of an approval event (its effect applied), or null when the event is none. */
    private static String applyApproval(Object event, Map<String, Object> fields) {
        if (event instanceof ApprovalRequested) {
            approval(fields, "pending");
            return "approval_requested";
        }
        if (event instanceof ApprovalGranted granted) {
            approval(fields, granted.entryApproved() ? "approved" : "pending");
            return "approval_approved";
        }
        if (event instanceof ApprovalRejected) {
            approval(fields, "rejected");
            return "approval_rejected";
        }
        if (event instanceof ApprovalCancelled) {
            approval(fields, "none");
            return "approval_cancelled";
        }
        if (event instanceof ApprovalRevoked) {
            approval(fields, "none");
            return "approval_revoked";
        }
        return null;
    }

    private static void approval(Map<String, Object> fields, String status) {
        fields.put("approval_status", status);
        fields.put("is_locked", status.equals("approved"));
    }

    private static void put(Map<String, Object> fields, TimeEntryDetails entry) {
        fields.put("user_id", entry.userId());
        fields.put("project_id", entry.projectId());
        fields.put("client_id", entry.clientId());
        fields.put("task_id", entry.taskId());
        fields.put("start_time", entry.startTime());
        fields.put("end_time", entry.endTime());
        fields.put("break_seconds", entry.breakSeconds());
        fields.put("duration_seconds", entry.durationSeconds());
        fields.put("notes", entry.notes());
        fields.put("tags", entry.tags());
        fields.put("billable", entry.billable());
        fields.put("paid", entry.paid());
        fields.put("invoice_number", entry.invoiceNumber());
    }

    private static Map<String, EntryHistory.FieldChange> diff(Map<String, Object> before, Map<String, Object> after) {
        Map<String, EntryHistory.FieldChange> changed = new LinkedHashMap<>();
        Set<String> names = new LinkedHashSet<>(before.keySet());
        names.addAll(after.keySet());
        for (String name : names) {
            Object from = before.get(name);
            Object to = after.get(name);
            if (!Objects.equals(from, to)) {
                changed.put(name, new EntryHistory.FieldChange(from, to));
            }
        }
        return changed;
    }

    private static Set<Long> idsIn(List<DomainEventMessage<?>> stream, String key) {
        return stream.stream().map(message -> number(message.getMetaData().get(key))).filter(Objects::nonNull)
                .collect(Collectors.toSet());
    }

    private Map<Long, String> lookup(String sql, Set<Long> ids) {
        Map<Long, String> names = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.query(sql, new MapSqlParameterSource("ids", ids),
                    (RowCallbackHandler) rs -> names.put(rs.getLong("id"), rs.getString("name")));
        }
        return names;
    }

    private static Long number(Object value) {
        return value instanceof Number number ? number.longValue() : null;
    }
}
