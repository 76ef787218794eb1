-- Most entries carry no tags: the tag index holds only the entries that do (the tag filter says so too), so an
-- untagged entry costs no GIN insert.
DROP INDEX time_entries_tag_keys;
CREATE INDEX time_entries_tag_keys ON time_entries USING gin (tag_keys) WHERE tag_keys <> '{}';

-- Event identifiers are random UUIDs that nothing looks events up by; a unique index on them cost every append a
-- write to a random page. Appends stay serialised per aggregate by (aggregate_identifier, sequence_number).
ALTER TABLE domain_event_entry DROP CONSTRAINT domain_event_entry_event_identifier_key;
