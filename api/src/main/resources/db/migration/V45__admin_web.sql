-- The admin web lists one user's tokens.
CREATE INDEX api_tokens_user ON api_tokens (user_id, created_at DESC, id DESC);

-- Read model audit-log: how the actor came when no API token names it ('web_session': the admin web); null otherwise.
ALTER TABLE audit_log ADD COLUMN channel text;
