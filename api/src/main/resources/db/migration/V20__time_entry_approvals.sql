-- Command side: who may approve is decided from the directories, never from a read table or a replay.
ALTER TABLE user_directory ADD COLUMN role varchar(20);
UPDATE user_directory d SET role = u.role FROM users u WHERE u.id = d.user_id;
UPDATE user_directory SET role = 'user' WHERE role IS NULL;
ALTER TABLE user_directory ALTER COLUMN role SET NOT NULL;
CREATE INDEX user_directory_active_admins ON user_directory (user_id) WHERE role = 'admin' AND is_active;

ALTER TABLE project_directory ADD COLUMN manager_id bigint;
UPDATE project_directory d SET manager_id = p.manager_id FROM projects p WHERE p.id = d.project_id;

-- Command side: which entry an approval request belongs to (the entry's aggregate decides every request), written
-- in the transaction of the event that opens the request.
CREATE SEQUENCE time_entry_approval_id_seq;
CREATE TABLE approval_directory (
    approval_id bigint PRIMARY KEY,
    entry_id    bigint NOT NULL
);

-- Query side: the time-entry-approvals projection, one row per level of a request's chain.
CREATE TABLE time_entry_approvals (
    id                  bigint      PRIMARY KEY,
    time_entry_id       bigint      NOT NULL,
    entry_owner_id      bigint      NOT NULL,
    status              varchar(10) NOT NULL,
    requested_by        bigint      NOT NULL,
    requested_at        timestamptz NOT NULL,
    request_comment     text,
    approval_level      integer     NOT NULL,
    parent_approval_id  bigint,
    approver_ids        bigint[]    NOT NULL,
    approved_by         bigint,
    approved_at         timestamptz,
    approval_comment    text,
    rejected_by         bigint,
    rejected_at         timestamptz,
    rejection_reason    text,
    cancelled_by        bigint,
    cancelled_at        timestamptz,
    cancellation_reason varchar(20),
    revoked_by          bigint,
    revoked_at          timestamptz,
    revocation_reason   text,
    entry_version       bigint      NOT NULL,
    version             bigint      NOT NULL
);
-- The lists: newest first, narrowed by entry, requester, entry owner or approver.
CREATE INDEX time_entry_approvals_requested ON time_entry_approvals (requested_at DESC, id DESC);
CREATE INDEX time_entry_approvals_entry ON time_entry_approvals (time_entry_id, requested_at, id);
CREATE INDEX time_entry_approvals_requested_by ON time_entry_approvals (requested_by, requested_at DESC, id DESC);
CREATE INDEX time_entry_approvals_owner ON time_entry_approvals (entry_owner_id, requested_at DESC, id DESC);
CREATE INDEX time_entry_approvals_approvers ON time_entry_approvals USING gin (approver_ids);
