-- Results store, version 1. One script for SQLite and PostgreSQL: portable types only (TEXT; BIGINT, which SQLite
-- reads as INTEGER affinity, so both give 64-bit integers; booleans as 0/1). Timestamps are ISO 8601 UTC text with 7
-- fraction digits (text order is time order, values round-trip exactly); decimals are invariant text.
CREATE TABLE campaign (
    campaign_id TEXT NOT NULL PRIMARY KEY,
    description TEXT
);

CREATE TABLE run (
    run_id      TEXT NOT NULL PRIMARY KEY,
    campaign_id TEXT NOT NULL REFERENCES campaign (campaign_id),
    plan_hash   TEXT NOT NULL,
    origin      TEXT NOT NULL,
    started_at  TEXT NOT NULL,
    finished_at TEXT,
    aborted     BIGINT NOT NULL DEFAULT 0,
    -- O-RAN results JSON parts with no column (testLab, testSpecifications...) of an imported run, as JSON.
    oran_extras TEXT
);

CREATE TABLE execution (
    run_id            TEXT NOT NULL REFERENCES run (run_id),
    execution_id      TEXT NOT NULL,
    band              TEXT NOT NULL,
    operator_profile  TEXT NOT NULL,
    iot_profile       TEXT NOT NULL,
    iot_specification TEXT NOT NULL,
    iot_spec_version  TEXT NOT NULL,
    fronthaul_profile TEXT NOT NULL,
    case_id           TEXT NOT NULL,
    case_name         TEXT NOT NULL,
    case_status       TEXT NOT NULL,
    case_reference    TEXT NOT NULL,
    repetition        BIGINT NOT NULL,
    verdict           TEXT NOT NULL,
    attempts          BIGINT NOT NULL,
    flaky             BIGINT NOT NULL,
    bench             TEXT NOT NULL,
    duration_ticks    BIGINT NOT NULL,
    started_at        TEXT,
    recorded_at       TEXT NOT NULL,
    -- SHA-256 of the recorded result: the same result recorded twice is one row, a different one is a conflict.
    content_hash      TEXT NOT NULL,
    PRIMARY KEY (run_id, execution_id)
);
CREATE INDEX execution_by_setup ON execution (band, operator_profile);
CREATE INDEX execution_by_id ON execution (execution_id);

CREATE TABLE execution_product (
    run_id       TEXT NOT NULL,
    execution_id TEXT NOT NULL,
    role         TEXT NOT NULL,
    product_id   TEXT NOT NULL,
    vendor       TEXT NOT NULL,
    model        TEXT NOT NULL,
    hardware     TEXT NOT NULL,
    software     TEXT NOT NULL,
    firmware     TEXT NOT NULL,
    PRIMARY KEY (run_id, execution_id, role),
    FOREIGN KEY (run_id, execution_id) REFERENCES execution (run_id, execution_id)
);
CREATE INDEX execution_product_by_product ON execution_product (product_id);

CREATE TABLE execution_reason (
    run_id       TEXT NOT NULL,
    execution_id TEXT NOT NULL,
    position     BIGINT NOT NULL,
    reason       TEXT NOT NULL,
    PRIMARY KEY (run_id, execution_id, position),
    FOREIGN KEY (run_id, execution_id) REFERENCES execution (run_id, execution_id)
);

CREATE TABLE metric (
    run_id       TEXT NOT NULL,
    execution_id TEXT NOT NULL,
    position     BIGINT NOT NULL,
    metric_id    TEXT NOT NULL,
    source       TEXT NOT NULL,
    unit         TEXT NOT NULL,
    measured     TEXT,
    threshold    TEXT NOT NULL,
    verdict      TEXT NOT NULL,
    note         TEXT,
    PRIMARY KEY (run_id, execution_id, position),
    FOREIGN KEY (run_id, execution_id) REFERENCES execution (run_id, execution_id)
);

CREATE TABLE measurement (
    run_id       TEXT NOT NULL,
    execution_id TEXT NOT NULL,
    position     BIGINT NOT NULL,
    name         TEXT NOT NULL,
    unit         TEXT NOT NULL,
    -- JSON array of decimal values.
    "values"     TEXT NOT NULL,
    description  TEXT,
    PRIMARY KEY (run_id, execution_id, position),
    FOREIGN KEY (run_id, execution_id) REFERENCES execution (run_id, execution_id)
);

-- Content-addressed evidence: the bytes live in the artifact folder as sha256[0..2]/sha256.
CREATE TABLE artifact (
    sha256 TEXT NOT NULL PRIMARY KEY,
    size   BIGINT NOT NULL
);

CREATE TABLE execution_artifact (
    run_id       TEXT NOT NULL,
    execution_id TEXT NOT NULL,
    position     BIGINT NOT NULL,
    kind         TEXT NOT NULL,
    name         TEXT NOT NULL,
    sha256       TEXT NOT NULL REFERENCES artifact (sha256),
    PRIMARY KEY (run_id, execution_id, position),
    FOREIGN KEY (run_id, execution_id) REFERENCES execution (run_id, execution_id)
);
