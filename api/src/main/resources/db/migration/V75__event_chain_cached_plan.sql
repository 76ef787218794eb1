-- The chain trigger (V46) plans its lookup of the aggregate's previous event as PostgreSQL caches it for the
-- function, whatever the inserting transaction asks of its own statements: a command's projection batch has each of
-- its statements planned at every execution (ProjectionBatch), and the trigger's lookup, planned again for every
-- event it chains, would then cost more than the rest of the event's insert.
ALTER FUNCTION domain_event_entry_chain() SET plan_cache_mode = auto;
