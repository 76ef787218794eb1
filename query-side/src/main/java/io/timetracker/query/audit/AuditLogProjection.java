package io.timetracker.query.audit;

import io.timetracker.query.common.Columns;
import io.timetracker.query.common.JsonColumns;
import io.timetracker.query.common.ProjectionWrites;
import io.timetracker.query.common.ReadModel;
import io.timetracker.query.common.RowStatement;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;

import java.util.Map;

import static io.timetracker.query.common.RowStatement.bigint;
import static io.timetracker.query.common.RowStatement.bool;
import static io.timetracker.query.common.RowStatement.text;
import static io.timetracker.query.common.RowStatement.timestamp;

/**
 * The audit log: a row for every event of every aggregate, whatever its type, with who acted, how and why (the
 * event's metadata) and which fields changed from what to what. A row's id is its event's global index and it
 * carries its event's transaction id (both from the event store, so a rebuild reproduces them): see {@link
 * AuditLogReads} for why followers need the latter. The changes are worked out in the statement, against the
 * entity's fields as its previous events left them ({@code audit_entity_state}, where a field that is null may be
 * absent or null): each field of the event whose value differs from the entity's is a change, and the event's fields
 * are merged over the entity's; a deletion changes every field the entity had to null and leaves it none. The
 * statement is idempotent: an event the entity's state has already seen changes nothing.
 */
@Component
@ProcessingGroup(AuditLogProjection.GROUP)
@ReadModel(name = AuditLogProjection.GROUP, tables = {"audit_log", "audit_entity_state", "audit_log_counts"})
public class AuditLogProjection {

    public static final String GROUP = "audit-log";

    /** Shards of {@code audit_log_counts} per entity type and actor. */
    static final int COUNT_SHARDS = 16;

    /** Adds the rows of {@code logged} (id, entity_type, actor_id) to the counts. */
    private static final String COUNT = """
            INSERT INTO audit_log_counts AS c (entity_type, actor_id, shard, row_count)
            SELECT entity_type, coalesce(actor_id, 0), id %% %1$d, count(*) FROM logged
            GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
            ON CONFLICT (entity_type, actor_id, shard) DO UPDATE SET row_count = c.row_count + EXCLUDED.row_count"""
            .formatted(COUNT_SHARDS);

    private static final RowStatement RECORD = RowStatement.contended("audit_entity_state", """
            WITH known AS (
                SELECT r.*, r.fields::jsonb AS event_fields, coalesce(s.fields, '{}'::jsonb) AS before
                FROM rows r LEFT JOIN audit_entity_state s
                     ON s.entity_type = r.entity_type AND s.entity_id = r.entity_id
                WHERE s.version IS NULL OR s.version < r.version
            ), merged AS (
                SELECT k.*, CASE WHEN k.clears THEN '{}'::jsonb ELSE k.before || k.event_fields END AS after,
                       CASE WHEN k.clears THEN
                           (SELECT coalesce(jsonb_object_agg(f.key, jsonb_build_object('from', f.value, 'to', NULL)),
                                            '{}'::jsonb)
                            FROM jsonb_each(k.before) f WHERE f.value <> 'null'::jsonb)
                       ELSE
                           (SELECT coalesce(jsonb_object_agg(f.key, jsonb_build_object(
                                       'from', coalesce(k.before -> f.key, 'null'::jsonb), 'to', f.value)), '{}'::jsonb)
                            FROM jsonb_each(k.event_fields) f
                            WHERE coalesce(k.before -> f.key, 'null'::jsonb) <> f.value)
                       END AS changes
                FROM known k
            ), state AS (
                INSERT INTO audit_entity_state AS s (entity_type, entity_id, fields, version)
                SELECT entity_type, entity_id, after, version FROM merged
                ON CONFLICT (entity_type, entity_id) DO UPDATE SET fields = EXCLUDED.fields, version = EXCLUDED.version
                WHERE s.version < EXCLUDED.version
            ), logged AS (
                INSERT INTO audit_log (id, xact_id, at, entity_type, entity_id, action, actor_id, token_id, channel,
                                       request_id, ip_address, user_agent, reason, changes)
                SELECT e.global_index, e.xact_id, n.at, n.entity_type, n.entity_id, n.action, n.actor_id, n.token_id,
                       n.channel, n.request_id, n.ip_address, n.user_agent, n.reason, n.changes
                FROM merged n CROSS JOIN LATERAL (
                    -- the event itself, through its unique index (LIMIT keeps the planner from joining the whole
                    -- store instead, as it would for a window of thousands of rows)
                    SELECT global_index, xact_id FROM domain_event_entry d
                    WHERE d.aggregate_identifier = n.aggregate_identifier AND d.sequence_number = n.version
                    LIMIT 1) e
                ON CONFLICT (id) DO NOTHING
                RETURNING id, entity_type, actor_id
            )
            """ + COUNT,
            text("aggregate_identifier"), bigint("version"), text("entity_type"), bigint("entity_id"),
            text("action"), bool("clears"), text("fields"), timestamp("at"), bigint("actor_id"), bigint("token_id"),
            text("channel"), text("request_id"), text("ip_address"), text("user_agent"), text("reason"));

    /**
     * In a replay from the first event ({@link AuditEntities} knows every entity's fields): the row, its changes
     * worked out already, with its transaction's id from its event (looked up by global index, row by row: joined,
     * a window could be planned as a full scan of the event store), and the counts.
     */
    private static final RowStatement REPLAYED = RowStatement.of("audit_log", """
            WITH logged AS (
                INSERT INTO audit_log (id, xact_id, at, entity_type, entity_id, action, actor_id, token_id, channel,
                                       request_id, ip_address, user_agent, reason, changes)
                SELECT r.id, (SELECT d.xact_id FROM domain_event_entry d WHERE d.global_index = r.id), r.at,
                       r.entity_type, r.entity_id, r.action, r.actor_id, r.token_id, r.channel, r.request_id,
                       r.ip_address, r.user_agent, r.reason, r.changes::jsonb
                FROM rows r
                ON CONFLICT (id) DO NOTHING
                RETURNING id, entity_type, actor_id
            )
            """ + COUNT,
            bigint("id"), text("entity_type"), bigint("entity_id"), text("action"), text("changes"),
            timestamp("at"), bigint("actor_id"), bigint("token_id"), text("channel"), text("request_id"),
            text("ip_address"), text("user_agent"), text("reason"));

    /**
     * In a replay from the first event, each entity's fields as the window's last event of it leaves them. Its rows
     * are keyed by event (one execution per window); the entity's latest of them is the one written.
     */
    private static final RowStatement REPLAYED_STATE = RowStatement.of("audit_entity_state", """
            INSERT INTO audit_entity_state AS s (entity_type, entity_id, fields, version)
            SELECT entity_type, entity_id, fields::jsonb, version
            FROM (SELECT DISTINCT ON (entity_type, entity_id) entity_type, entity_id, fields, version FROM rows
                  ORDER BY entity_type, entity_id, version DESC) latest
            ON CONFLICT (entity_type, entity_id) DO UPDATE SET fields = EXCLUDED.fields, version = EXCLUDED.version
            WHERE s.version < EXCLUDED.version""",
            bigint("id"), text("entity_type"), bigint("entity_id"), text("fields"), bigint("version"));

    private final ProjectionWrites writes;

    public AuditLogProjection(ProjectionWrites writes) {
        this.writes = writes;
    }

    /** Every event of every aggregate. */
    @EventHandler
    void on(Object event, DomainEventMessage<?> message) {
        String aggregate = message.getAggregateIdentifier();
        int split = aggregate.lastIndexOf('-');
        if (split <= 0) {
            throw new IllegalStateException("Aggregate identifier " + aggregate + " names no type and id");
        }
        String embedded = AuditVocabulary.embeddedEntityType(event.getClass());
        String entityType = embedded != null ? embedded : AuditVocabulary.entityType(aggregate.substring(0, split));
        long entityId = embedded != null ? AuditFields.firstId(event) : Long.parseLong(aggregate.substring(split + 1));
        String action = AuditVocabulary.action(event.getClass(), entityType);
        MetaData metaData = message.getMetaData();
        Map<String, Object> fields = AuditFields.of(event, entityId);
        boolean clears = AuditVocabulary.clearsFields(event.getClass(), action);
        AuditEntities replayed = writes.replayMemory(AuditEntities.class, AuditEntities::new);
        if (replayed != null && message instanceof TrackedEventMessage<?> tracked) {
            AuditEntities.Recorded recorded = replayed.apply(entityType, entityId, message.getSequenceNumber(),
                    clears, JsonColumns.write(fields));
            if (recorded != null) {
                long id = tracked.trackingToken().position().orElseThrow();
                writes.add(REPLAYED, id, id, entityType, entityId, action, recorded.changes(),
                        Columns.timestamp(message.getTimestamp()), number(metaData.get("userId")),
                        number(metaData.get("tokenId")), (String) metaData.get("channel"),
                        (String) metaData.get("requestId"), (String) metaData.get("clientIp"),
                        (String) metaData.get("userAgent"), reason(metaData, fields));
                writes.add(REPLAYED_STATE, id, id, entityType, entityId, recorded.fields(),
                        message.getSequenceNumber());
            }
            return;
        }
        writes.add(RECORD, aggregate, aggregate, message.getSequenceNumber(), entityType, entityId, action, clears,
                JsonColumns.write(fields), Columns.timestamp(message.getTimestamp()), number(metaData.get("userId")),
                number(metaData.get("tokenId")), (String) metaData.get("channel"), (String) metaData.get("requestId"),
                (String) metaData.get("clientIp"), (String) metaData.get("userAgent"), reason(metaData, fields));
    }

    /** The reason the request gave, else the one the event states as a fact of its own (a rejection's). */
    private static String reason(MetaData metaData, Map<String, Object> fields) {
        Object given = metaData.get("reason");
        Object stated = fields.get("reason");
        return given instanceof String text ? text : stated instanceof String text ? text : null;
    }

    private static Long number(Object value) {
        return value instanceof Number number ? number.longValue() : null;
    }
}
