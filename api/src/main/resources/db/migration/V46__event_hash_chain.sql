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

-- What an event says, in a canonical form: the fixed-width numbers, then each other column as its length (int4,
-- -1 for NULL) and its UTF-8 bytes; every column Axon reads back, and the global index (the order of replay).
CREATE FUNCTION event_digest(e domain_event_entry) RETURNS bytea LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT sha256(int8send(e.global_index) || int8send(e.sequence_number)
        || coalesce(int4send(octet_length(e.aggregate_identifier::text)) || convert_to(e.aggregate_identifier, 'UTF8'), int4send(-1))
        || coalesce(int4send(octet_length(e.type::text)) || convert_to(e.type, 'UTF8'), int4send(-1))
        || coalesce(int4send(octet_length(e.event_identifier::text)) || convert_to(e.event_identifier, 'UTF8'), int4send(-1))
        || coalesce(int4send(octet_length(e.time_stamp::text)) || convert_to(e.time_stamp, 'UTF8'), int4send(-1))
        || coalesce(int4send(octet_length(e.payload_type::text)) || convert_to(e.payload_type, 'UTF8'), int4send(-1))
        || coalesce(int4send(octet_length(e.payload_revision::text)) || convert_to(e.payload_revision, 'UTF8'), int4send(-1))
        || coalesce(int4send(octet_length(e.payload)) || e.payload, int4send(-1))
        || coalesce(int4send(octet_length(e.meta_data)) || e.meta_data, int4send(-1)))
$$;

-- One link of the chain: the previous event's hash (NULL for an aggregate's first event) and this event's digest.
CREATE FUNCTION event_chain_link(previous bytea, digest bytea) RETURNS bytea LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
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
