-- Tamper evidence (docs/integrity.md): every event carries a hash chained to the previous event of its aggregate,
--   event_hash = sha256(previous event's event_hash, or 32 zero bytes for an aggregate's first event
--                       || event_digest(the event)),
-- where "previous" is the aggregate's stored event with the next lower sequence number. The chain is per aggregate,
-- not global: appends of one aggregate are already serialised by (aggregate_identifier, sequence_number), so the
-- predecessor a writer links to is the one any rival writer would link to (one of them loses the unique race),
-- and writers of different aggregates never wait for each other, on any node.
--
-- The hash is set by a trigger, not by the application, so that every append path gets it: the command's batch
-- (StoredEventsEngine), Axon's own insert, the benchmark seeds, a node still running the previous release during a
-- rolling deployment. A writer cannot choose the hash: the trigger overwrites whatever it sends. Only inserts are
-- hashed; an UPDATE of a stored event keeps the old hash and so shows as a break.

-- One column in the canonical form: its length in bytes (int4, -1 for NULL), then its bytes.
CREATE FUNCTION event_field(value bytea) RETURNS bytea LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT coalesce(int4send(octet_length(value)) || value, int4send(-1))
$$;

-- What an event says, in a canonical form: the global index (the order of replay) and the sequence number as int8,
-- then every other column Axon reads back, text as UTF-8.
CREATE FUNCTION event_digest(e domain_event_entry) RETURNS bytea LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT sha256(int8send(e.global_index) || int8send(e.sequence_number)
        || event_field(convert_to(e.aggregate_identifier, 'UTF8')) || event_field(convert_to(e.type, 'UTF8'))
        || event_field(convert_to(e.event_identifier, 'UTF8')) || event_field(convert_to(e.time_stamp, 'UTF8'))
        || event_field(convert_to(e.payload_type, 'UTF8')) || event_field(convert_to(e.payload_revision, 'UTF8'))
        || event_field(e.payload) || event_field(e.meta_data))
$$;

-- One link of the chain: the previous event's hash (NULL for an aggregate's first event) and this event's digest.
CREATE FUNCTION event_chain_link(previous bytea, digest bytea) RETURNS bytea
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT sha256(coalesce(previous, '\x0000000000000000000000000000000000000000000000000000000000000000'::bytea)
                  || digest)
$$;

-- Writers wait until the backfill is done, so no event can be stored unhashed behind it.
LOCK TABLE domain_event_entry IN EXCLUSIVE MODE;

ALTER TABLE domain_event_entry ADD COLUMN event_hash bytea;

-- The events stored so far get the hashes the trigger would have given them, in one pass: a running fold of the
-- links over each aggregate's events in sequence order.
CREATE AGGREGATE pg_temp.event_chain(bytea) (SFUNC = event_chain_link, STYPE = bytea);
UPDATE domain_event_entry e SET event_hash = c.event_hash
FROM (SELECT global_index, pg_temp.event_chain(digest) OVER (PARTITION BY aggregate_identifier ORDER BY sequence_number
                                                            ROWS UNBOUNDED PRECEDING) AS event_hash
      FROM (SELECT global_index, aggregate_identifier, sequence_number, event_digest(d) AS digest
            FROM domain_event_entry d OFFSET 0) digests) c
WHERE e.global_index = c.global_index;
DROP AGGREGATE pg_temp.event_chain(bytea);

ALTER TABLE domain_event_entry ALTER COLUMN event_hash SET NOT NULL;

-- A row trigger sees the rows its statement inserted before this one, so a command's several events of one
-- aggregate, inserted by one statement in sequence order, chain to each other.
CREATE FUNCTION domain_event_entry_chain() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.event_hash := event_chain_link(
        (SELECT p.event_hash FROM domain_event_entry p
         WHERE p.aggregate_identifier = NEW.aggregate_identifier AND p.sequence_number < NEW.sequence_number
         ORDER BY p.sequence_number DESC LIMIT 1),
        event_digest(NEW));
    RETURN NEW;
END
$$;

CREATE TRIGGER domain_event_entry_chain BEFORE INSERT ON domain_event_entry
    FOR EACH ROW EXECUTE FUNCTION domain_event_entry_chain();
