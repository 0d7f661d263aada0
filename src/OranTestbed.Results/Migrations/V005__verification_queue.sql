-- Results store, version 5: the results server's verification queue. An accepted upload is stored (V001, V003) and its
-- re-analysis queued here in the same transaction as its journal row, so nothing accepted is lost: the server's
-- background worker takes the rows in acceptance order. Same portable SQL as V001.
-- status: accepted (queued) → analysing (a worker holds it; re-queued when the server starts again after a crash) →
-- verified (nothing flagged) | flagged (an execution's evidence does not support its claim) | failed (the server could not
-- analyse it: reason says why).
CREATE TABLE verification_queue (
    upload_id   TEXT NOT NULL PRIMARY KEY,
    sha256      TEXT NOT NULL,
    account     TEXT NOT NULL,
    status      TEXT NOT NULL,
    accepted_at TEXT NOT NULL,
    started_at  TEXT,
    finished_at TEXT,
    -- times a worker took the item: an item that keeps stopping the server is failed instead of taken forever
    attempts    BIGINT NOT NULL DEFAULT 0,
    reason      TEXT,
    UNIQUE (sha256, account),
    FOREIGN KEY (sha256, account) REFERENCES upload (sha256, account)
);
CREATE INDEX verification_queue_by_status ON verification_queue (status, accepted_at);

-- Uploads journaled before this version were verified as they arrived; queue them once more so each gets a status (the
-- worker keeps their existing evidence checks and only derives verified or flagged from them).
INSERT INTO verification_queue (upload_id, sha256, account, status, accepted_at)
SELECT 'legacy-' || CAST(ROW_NUMBER() OVER (ORDER BY received_at, sha256, account) AS TEXT), sha256, account, 'accepted', received_at
FROM upload;
