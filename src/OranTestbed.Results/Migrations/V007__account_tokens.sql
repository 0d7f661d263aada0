-- Results store, version 7: tokens that expire and rotate, and the audit log. Same portable SQL as V001.
-- account_token: every token an account holds (one, or two during a rotation's grace), by hash only (see
-- AccountTokens). A token works while its account is not revoked, now < expires_at (null: an admin chose no expiry)
-- and now < retires_at (set by a rotation: the end of the old token's grace). account.token_hash stays as the hash of
-- the account's first token; this table is what authenticates.
CREATE TABLE account_token (
    token_hash     TEXT NOT NULL PRIMARY KEY,
    account        TEXT NOT NULL REFERENCES account (name),
    issued_at      TEXT NOT NULL,
    expires_at     TEXT,
    retires_at     TEXT,
    -- 1: a token of an account made before V007; the store gives it the default lifetime from the first open after
    -- this migration (a date cannot be computed in SQL both databases accept), so no deployment is locked out at once
    expiry_pending INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX account_token_by_account ON account_token (account);
INSERT INTO account_token (token_hash, account, issued_at, expires_at, retires_at, expiry_pending)
SELECT token_hash, name, created_at, NULL, NULL, 1 FROM account;

-- audit_event: who did what through the results server (uploads, reads, exports, downloads, pages, account changes,
-- logins). target is the run/execution/upload/artifact or the path and query, never a credential; outcome is the HTTP
-- status answered. id is a version 7 GUID (time-ordered text), the tie-breaker of the newest-first keyset pages.
CREATE TABLE audit_event (
    id      TEXT NOT NULL PRIMARY KEY,
    at      TEXT NOT NULL,
    account TEXT,
    action  TEXT NOT NULL,
    target  TEXT NOT NULL,
    outcome INTEGER NOT NULL
);
CREATE INDEX audit_event_by_time ON audit_event (at, id);
CREATE INDEX audit_event_by_account ON audit_event (account, at, id);
CREATE INDEX audit_event_by_action ON audit_event (action, at, id);
