-- Results store, version 3: what the results server received and what it found re-checking the evidence.
-- upload: one row per distinct upload (SHA-256 of its document and archive bytes) and account, for the audit trail
-- and to answer a repeated upload with the first answer.
CREATE TABLE upload (
    sha256      TEXT NOT NULL,
    account     TEXT NOT NULL REFERENCES account (name),
    received_at TEXT NOT NULL,
    -- the JSON answer given to the first upload (runs, counts)
    summary     TEXT NOT NULL,
    PRIMARY KEY (sha256, account)
);

-- evidence_check: the server's re-analysis of an execution's captures with its fronthaul profile. status is
-- supported (the evidence agrees with the claimed verdict), flagged (it does not: reason says why) or unchecked
-- (no analysable capture or unknown profile: reason says why).
CREATE TABLE evidence_check (
    run_id            TEXT NOT NULL,
    execution_id      TEXT NOT NULL,
    status            TEXT NOT NULL,
    claimed_verdict   TEXT NOT NULL,
    analyzed_verdict  TEXT,
    fronthaul_profile TEXT NOT NULL,
    -- the SHA-256 of the captures analysed, space separated
    captures          TEXT NOT NULL,
    reason            TEXT NOT NULL,
    checked_at        TEXT NOT NULL,
    PRIMARY KEY (run_id, execution_id),
    FOREIGN KEY (run_id, execution_id) REFERENCES execution (run_id, execution_id)
);
CREATE INDEX evidence_check_by_status ON evidence_check (status);
