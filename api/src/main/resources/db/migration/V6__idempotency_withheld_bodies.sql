-- Responses that carry a secret (a new plain API token) are never stored; a repeat learns only that the
-- request was already processed.
ALTER TABLE idempotency_record ADD COLUMN body_withheld boolean NOT NULL DEFAULT false;
