-- A claim whose command committed keeps its key even when answering failed afterwards (or its node died):
-- a retry must never act twice.
ALTER TABLE idempotency_record ADD COLUMN committed boolean NOT NULL DEFAULT false;
