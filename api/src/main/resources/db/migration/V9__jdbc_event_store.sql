-- The event store is written by Axon's JDBC engine, which leaves the global index to the database: each event
-- takes the next value of the sequence (one value per call, so indexes follow allocation order on every node).
ALTER TABLE domain_event_entry ALTER COLUMN global_index SET DEFAULT nextval('domain_event_entry_seq');
ALTER SEQUENCE domain_event_entry_seq OWNED BY domain_event_entry.global_index;
