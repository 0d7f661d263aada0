-- Results store, version 2: the accounts of the results server (oran-testbed serve). Same portable SQL as V001.
-- A token is never stored: token_hash is the lower-case hex SHA-256 of it (see AccountTokens for why an unsalted
-- hash suits a 256-bit random token). A revoked account keeps its row (who uploaded what stays readable).
CREATE TABLE account (
    name       TEXT NOT NULL PRIMARY KEY,
    -- integrator | vendor | operator | admin
    role       TEXT NOT NULL,
    -- the lab vendor id a vendor account speaks for (null for the other roles)
    vendor_id  TEXT,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    revoked_at TEXT
);
