-- Bucket4j's token buckets, shared by every node (RateLimiter). id: what is limited and by which limits
-- ("token:42 100/min 1000/h"); state: Bucket4j's serialized bucket; expires_at: epoch milliseconds after which the
-- bucket is full again (plus a margin) and the row may be deleted, as a deleted bucket starts full anyway.
-- UNLOGGED: every request updates a row here, and without WAL its transaction commits without waiting for a disk
-- flush; what a crash (or a failover) costs is that the buckets start full again, as expired ones do.
CREATE UNLOGGED TABLE rate_limit_buckets (
    id         text PRIMARY KEY,
    state      bytea,
    expires_at bigint
);
-- the periodic cleanup looks for expired rows
CREATE INDEX rate_limit_buckets_expiry ON rate_limit_buckets (expires_at);
